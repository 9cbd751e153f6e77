#!/usr/bin/env bash
# The failure drill (see README, "Failures and recovery"): builds the CLI in Release and runs `partnersim chaos`
# from the repository root. Arguments go to the command, e.g. scripts/chaos.sh --seed 7 --partners 20000.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build client -c Release -nologo -v quiet
exec dotnet client/bin/Release/net10.0/partnersim.dll chaos "$@"
