#!/bin/sh
# The awk peer for the wide levels CSV: the spbe-2020 weighted sum per row, exact in integer
# hundredths of weight, index rounded half-up to 2 decimals, and the predicate.
#   peer_awk.sh LEVELS.csv    prints name,index,predicate per row
# Plain comma-separated input without quoted fields (what bench/gen_evidence.py csv writes).
exec awk -F, '
BEGIN {
    # spbe-2020 indicator weights x 100 (PermenPANRB 59/2020, Tabel 7-9): 1-10 policy, 11-20
    # governance, 21-31 management, 32-41 and 42-47 services. They sum to 10000 (= 100 %).
    for (i = 1; i <= 10; i++) w[i] = 130
    for (i = 11; i <= 20; i++) w[i] = 250
    for (i = 21; i <= 31; i++) w[i] = 150
    for (i = 32; i <= 41; i++) w[i] = 275
    for (i = 42; i <= 47; i++) w[i] = 300
}
NR == 1 {
    for (c = 1; c <= NF; c++) if ($c ~ /^[0-9]+$/) col[c] = $c + 0
    next
}
{
    s = 0
    for (c in col) s += $c * w[col[c]]
    # s / 10000 is the exact index; predicates from the unrounded value, lower bounds inclusive.
    p = s >= 42000 ? "Memuaskan" : s >= 35000 ? "Sangat Baik" : s >= 26000 ? "Baik" : s >= 18000 ? "Cukup" : "Kurang"
    h = int((s + 50) / 100)
    printf "%s,%d.%02d,%s\n", $1, int(h / 100), h % 100, p
}' "$1"
