#!/usr/bin/env bash
# Sets up the machine (when needed), builds everything with warnings as errors, runs all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
swift build --build-tests -Xswiftc -warnings-as-errors
swift test --skip-build
