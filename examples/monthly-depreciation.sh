#!/bin/sh
# examples/monthly-depreciation.sh [DB [DIR]] - the depreciation of the
# month just ended: every asset's figures filed as
# DIR/depreciation-YYYY-MM.csv, and the totals by category printed, so that
# cron mails them; the run and its totals go in the ledger (edu-db runs).
# Run on the 1st (see examples/crontab).  A past month's figures do not
# change, so running it again writes the same file.
#
#   DB    the database (default: $EDU_DB, else ./edu.db)
#   DIR   where the reports go (default: /var/lib/edu/reports)
#   MONTH in the environment: another month (YYYY-MM) than the last one
set -eu
db=${1:-${EDU_DB:-edu.db}}
dir=${2:-/var/lib/edu/reports}
month=${MONTH:-$(date -d "$(date +%Y-%m-01) -1 day" +%Y-%m)}

mkdir -p "$dir"
# Through a temporary file, so a failed run leaves no half report.
edu-assets -q --db="$db" depreciate --as-of "$month" --record > "$dir/.depreciation-$month.csv"
mv "$dir/.depreciation-$month.csv" "$dir/depreciation-$month.csv"
echo "Depreciation of $month ($dir/depreciation-$month.csv):"
edu-assets -q --db="$db" depreciate --as-of "$month" --by category -f table
