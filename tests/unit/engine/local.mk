# SPDX-License-Identifier: MIT
# The engine's rooms include only downwards (layers.sh).
TESTS += %D%/layers.sh
EXTRA_DIST += %D%/layers.sh
