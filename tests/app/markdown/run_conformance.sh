#!/bin/sh
# Runs the conformance kit's spec_runner.py, or reports the test as skipped when the
# kit (third-party data, not part of the repository) is not there.
# Usage: run_conformance.sh CONFORMANCE_DIR PYTHON spec_runner.py-arguments...
dir=$1
python=$2
shift 2
if [ ! -f "$dir/spec_runner.py" ]; then
    echo "SKIPPED: conformance data not found at $dir (set COPYDESK_CONFORMANCE_DIR)"
    exit 77
fi
if ! command -v "$python" >/dev/null 2>&1; then
    echo "SKIPPED: $python not found; it is needed to run $dir/spec_runner.py"
    exit 77
fi
cd "$dir" || exit 1
exec "$python" "$dir/spec_runner.py" "$@"
