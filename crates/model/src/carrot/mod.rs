//! Carrot Quest / Dashly types (feature `carrot`).
