#!/bin/sh
# Code size of the hash implementations pqm4 links into every scheme but leaves out of its .text figures
# (Keccak/FIPS 202, SHA-256, SHA-512), for the bench's code-size dimension (packages/benchmark/src/catalog/hash-figures.ts).
#
# Usage: benchmarks/shared-hash-code/measure.sh PQM4_TREE MUPQ_TREE
#   PQM4_TREE: mupq/pqm4 at cc2c1b992b602d285bd15991a566d5f17b34c1fa (common/keccakf1600.S, common/crypto_hashblocks_sha512*)
#   MUPQ_TREE: mupq/mupq at ddcccedb2db9d0250856bd58ee5c46c61e506c5d, pqm4's submodule (common/fips202.c, common/sha2.c)
# Needs clang (thumbv7em target) and binutils-arm-none-eabi (the Keccak assembly uses GNU as syntax).
# pqm4 builds with arm-none-eabi-gcc -O3; clang -O3 and -Os give the point and the low end of the range.
set -eu
PQM4=$1
MUPQ=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$PQM4/common/keccakf1600.S" "$PQM4/common/crypto_hashblocks_sha512_inner32.s" "$PQM4/common/crypto_hashblocks_sha512.c" "$WORK/"
for f in fips202.c fips202.h keccakf1600.h sha2.c sha2.h crypto_hashblocks_sha512.h; do cp "$MUPQ/common/$f" "$WORK/"; done
mkdir "$WORK/stub"
printf '#pragma once\n#include <stddef.h>\nvoid *memcpy(void *, const void *, size_t);\nvoid *memset(void *, int, size_t);\n' >"$WORK/stub/string.h"
printf '#pragma once\n' >"$WORK/stub/hal.h"
cd "$WORK"
T="--target=thumbv7em-none-eabi -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16 -ffunction-sections -ffreestanding -I. -Istub"
clang --target=thumbv7em-none-eabi -mcpu=cortex-m4 -E -P -x assembler-with-cpp keccakf1600.S -o keccak.s
arm-none-eabi-as -mcpu=cortex-m4 -mthumb keccak.s -o keccak.o
arm-none-eabi-as -mcpu=cortex-m4 -mthumb crypto_hashblocks_sha512_inner32.s -o sha512inner.o
text() { llvm-size "$1" | awk 'NR == 2 { print $1 }'; }
sum() { llvm-nm -S --radix=d "$1" | grep -E " ($2)\$" | awk '{ s += $2 } END { print s + 0 }'; }
for O in O3 Os; do
  for f in fips202.c sha2.c crypto_hashblocks_sha512.c; do clang $T -$O -c "$f" -o "${f%.c}.$O.o"; done
  keccak=$(( $(text keccak.o) + $(text fips202.$O.o) ))
  sha256=$(sum sha2.$O.o 'sha256|sha256_inc_[a-z_]+|crypto_hashblocks_sha256')
  sha512=$(( $(text sha512inner.o) + $(text crypto_hashblocks_sha512.$O.o) + $(sum sha2.$O.o 'sha512|sha512_inc_[a-z_]+') ))
  echo "-$O keccak (keccakf1600.S + fips202.c) $keccak B; sha256 $sha256 B; sha512 $sha512 B"
done
