# SPDX-License-Identifier: MIT
# The object tree, typed properties and their parsing.
engine_libengine_a_SOURCES += %D%/object.c %D%/object.h %D%/parse.c
