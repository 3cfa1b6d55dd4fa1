#!/usr/bin/env Rscript
suppressPackageStartupMessages(library(brewcalc))
args <- commandArgs(trailingOnly = TRUE)
opt <- function(flag, default) { i <- match(flag, args); if (is.na(i)) default else as.numeric(args[i + 1]) }
rec <- read.csv(args[1], stringsAsFactors = FALSE)
v_from <- opt("--from", 19); v_to <- opt("--to", 19)
e_from <- opt("--eff-from", 72); e_to <- opt("--eff-to", 72)
g <- rec$type == "grain"; h <- rec$type == "hop"
rec$amount[g] <- round(rec$amount[g] * (v_to / v_from) * (e_from / e_to), 3)
rec$amount[h] <- round(rec$amount[h] * (v_to / v_from), 1)
print(rec[, c("type", "name", "amount", "unit")], row.names = FALSE)
stats <- brew_stats(rec, volume_l = v_to, efficiency = e_to / 100)
cat(sprintf("OG %.3f  FG %.3f  ABV %.1f%%  IBU %.0f  SRM %.0f (EBC %.0f)\n",
            stats$og, stats$fg, stats$abv, stats$ibu, stats$srm, stats$srm * 1.97))
cat("Style check:", style_check(stats), "\n")
