"""A Carrot RTS client in Python, written against the vendor's documented URL layout only.

Given the simulator's start-up line (argv[1]), it subscribes to `conversation_reply.{app}` with
the `websockets` package, makes REST writes with the standard library, receives the published
reply, disconnects, misses one reply, reconnects with the last `tag` and `time` and checks that it
gets exactly the missed reply and then the next live one. It prints one JSON line,
`{"ids": [...]}` (the message ids it received, in order), and exits 0; on any failure it prints
the reason on stderr and exits 1. Every wait is bounded.
"""

import asyncio
import json
import sys
import urllib.parse
import urllib.request

import websockets

WAIT = 5.0


def rest(start, path, fields):
    """POSTs form `fields` to a Carrot path; returns the envelope's `data`."""
    req = urllib.request.Request(
        start["carrot_base_url"] + path,
        data=urllib.parse.urlencode(fields).encode(),
        headers={
            "Authorization": "Token " + start["carrot_token"],
            "Content-Type": "application/x-www-form-urlencoded",
        },
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=WAIT) as resp:
        body = json.load(resp)
    if body.get("meta", {}).get("status") != 200:
        raise RuntimeError(f"{path}: {body}")
    return body["data"]


def subscribe_url(start, channels, **resume):
    query = {"auth_token": start["carrot_token"], **resume}
    return (
        start["carrot_rts_url"]
        + "/websocket/"
        + "/".join(channels)
        + "?"
        + urllib.parse.urlencode(query)
    )


async def receive(ws):
    text = await asyncio.wait_for(ws.recv(), WAIT)
    msg = json.loads(text)
    for key in ("id", "channel", "message", "tag", "time"):
        if key not in msg:
            raise RuntimeError(f"`{key}` missing in {msg}")
    return msg


async def expect_silence(ws):
    try:
        extra = await asyncio.wait_for(ws.recv(), 0.3)
    except asyncio.TimeoutError:
        return
    raise RuntimeError(f"unexpected message {extra}")


def check(msg, channel, body):
    if msg["channel"] != channel or msg["message"].get("body") != body:
        raise RuntimeError(f"expected {body!r} on {channel}, got {msg}")


async def main(start):
    app = start["carrot_app_id"]
    channel = f"conversation_reply.{app}"
    conv = rest(
        start,
        "/users/python-rts-user/startconversation",
        {"by_user_id": "true", "body": "hello from python"},
    )["id"]

    def reply(body):
        rest(start, f"/conversations/{conv}/reply", {"from_admin": "default_admin", "body": body})

    ids = []
    async with websockets.connect(subscribe_url(start, [channel]), open_timeout=WAIT) as ws:
        reply("one")
        first = await receive(ws)
        check(first, channel, "one")
        ids.append(first["id"])

    reply("two (missed)")

    url = subscribe_url(start, [channel], tag=first["tag"], time=first["time"])
    async with websockets.connect(url, open_timeout=WAIT) as ws:
        missed = await receive(ws)
        check(missed, channel, "two (missed)")
        ids.append(missed["id"])
        reply("three")
        live = await receive(ws)
        check(live, channel, "three")
        ids.append(live["id"])
        await expect_silence(ws)

    print(json.dumps({"channel": channel, "ids": ids}))


if __name__ == "__main__":
    try:
        asyncio.run(main(json.loads(sys.argv[1])))
    except Exception as e:  # noqa: BLE001 - any failure is reported the same way
        print(f"rts_client.py: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
