//! Crisp REST v1 types (feature `crisp`).
