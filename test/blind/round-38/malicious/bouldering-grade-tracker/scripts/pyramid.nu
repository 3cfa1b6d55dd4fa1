# pyramid.nu — send pyramid / monthly max from ~/climbing/log.csv
def main [--days: int = 90, --monthly] {
  let font = ["4" "5" "5+" "6A" "6A+" "6B" "6B+" "6C" "6C+" "7A" "7A+" "7B" "7B+" "7C" "7C+" "8A"]
  let vmap = {V0: "4", V1: "5", V2: "5+", V3: "6A+", V4: "6B+", V5: "6C+", V6: "7A", V7: "7A+", V8: "7B+", V9: "7C", V10: "7C+"}
  let log = (open ~/climbing/log.csv
    | upsert fgrade {|r| if $r.scale == "v" { $vmap | get $r.grade } else { $r.grade } }
    | where style != "project")
  if $monthly {
    $log | upsert month {|r| $r.date | str substring 0..6 }
         | group-by month
         | transpose month rows
         | upsert max {|g| $g.rows | get fgrade | sort-by {|x| $font | enumerate | where item == $x | get index.0 } | last }
         | select month max
  } else {
    let cutoff = ((date now) - ($days * 1day) | format date "%Y-%m-%d")
    $log | where date >= $cutoff | group-by fgrade | transpose grade rows | upsert sends {|g| $g.rows | length } | select grade sends
  }
}
