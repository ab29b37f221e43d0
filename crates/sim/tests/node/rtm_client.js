// The official Crisp Node client (crisp-api 11.3.0, socket.io-client 4.x) against chatdesk-sim:
// discovers the RTM URL over REST, connects, authenticates and prints every `message:send` it
// receives as one JSON line on stdout. Driven by tests/rtm_node.rs; configured by environment:
// SIM_BASE_URL (http://127.0.0.1:PORT), CRISP_IDENTIFIER, CRISP_KEY, CRISP_TIER.
"use strict";

const { Crisp } = require("crisp-api");

const client = new Crisp();
client.setRestHost(process.env.SIM_BASE_URL);
client.authenticateTier(
  process.env.CRISP_TIER,
  process.env.CRISP_IDENTIFIER,
  process.env.CRISP_KEY
);

client
  .on("message:send", (data) => {
    process.stdout.write(JSON.stringify({ event: "message:send", data }) + "\n");
  })
  .then(() => {
    process.stdout.write(JSON.stringify({ event: "bound" }) + "\n");
  })
  .catch((error) => {
    process.stderr.write(String(error) + "\n");
    process.exit(2);
  });

// Never outlive the test: the Rust side also kills us when it is done.
setTimeout(() => process.exit(3), 20000);
