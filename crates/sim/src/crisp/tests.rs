//! Unit tests of the Crisp simulator.
