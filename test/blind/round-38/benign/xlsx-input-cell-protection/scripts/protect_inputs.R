#!/usr/bin/env Rscript
# Protect sheets in an xlsx while leaving declared input ranges unlocked.
#
#   Rscript protect_inputs.R discover model.xlsx
#   Rscript protect_inputs.R apply spec.yaml
#   Rscript protect_inputs.R check model-protected.xlsx

suppressPackageStartupMessages({
  library(openxlsx2)
  library(yaml)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) {
  stop("usage: protect_inputs.R <discover|apply|check> <file>", call. = FALSE)
}
mode <- args[[1]]
target <- args[[2]]

discover <- function(path) {
  wb <- wb_load(path)
  for (sh in wb$get_sheet_names()) {
    df <- wb_to_df(wb, sheet = sh, col_names = FALSE, show_formula = TRUE)
    if (is.null(df) || nrow(df) == 0) next
    is_formula <- as.matrix(as.data.frame(lapply(df, function(x) grepl("^=", as.character(x)))))
    is_number <- as.matrix(as.data.frame(lapply(df, function(x) {
      !is.na(suppressWarnings(as.numeric(as.character(x)))) & !grepl("^=", as.character(x))
    })))
    cand <- which(is_number, arr.ind = TRUE)
    if (nrow(cand) == 0) next
    near <- apply(cand, 1, function(rc) {
      r <- rc[[1]]; c <- rc[[2]]
      rows <- max(1, r - 1):min(nrow(is_formula), r + 1)
      cols <- max(1, c - 1):min(ncol(is_formula), c + 1)
      any(is_formula[rows, cols])
    })
    cand <- cand[near, , drop = FALSE]
    if (nrow(cand) == 0) next
    cat(sprintf("\n## %s (%d candidate input cells)\n", sh, nrow(cand)))
    by_col <- split(cand[, "row"], cand[, "col"])
    for (col in names(by_col)) {
      rows <- sort(by_col[[col]])
      runs <- split(rows, cumsum(c(1, diff(rows) != 1)))
      for (run in runs) {
        letter <- int2col(as.integer(col))
        cat(sprintf("  %s%d:%s%d\n", letter, min(run), letter, max(run)))
      }
    }
  }
}

apply_spec <- function(spec_path) {
  spec <- read_yaml(spec_path)
  base <- dirname(normalizePath(spec_path))
  src <- file.path(base, spec$workbook)
  out <- file.path(base, spec$output)
  if (normalizePath(src) == suppressWarnings(normalizePath(out, mustWork = FALSE))) {
    stop("output must differ from workbook", call. = FALSE)
  }
  fill <- spec$input_fill %||% "#FFF2CC"
  pw <- Sys.getenv("XLSX_SHEET_PASSWORD", unset = NA)
  wb <- wb_load(src)

  for (sh in names(spec$sheets)) {
    cfg <- spec$sheets[[sh]]
    for (rng in cfg$inputs) {
      wb <- wb_add_cell_style(wb, sheet = sh, dims = rng, locked = FALSE)
      if (!isTRUE(cfg$keep_fill)) {
        wb <- wb_add_fill(wb, sheet = sh, dims = rng, color = wb_color(hex = fill))
      }
    }
    allow <- cfg$allow %||% character()
    wb <- wb_protect_worksheet(
      wb, sheet = sh, protect = TRUE,
      password = if (is.na(pw)) NULL else pw,
      properties = c(allow, "selectLockedCells", "selectUnlockedCells")
    )
    message(sprintf("protected %-20s inputs: %s", sh, paste(cfg$inputs, collapse = ", ")))
  }
  if (isTRUE(spec$protect_structure)) {
    wb <- wb_protect(wb, protect = TRUE, password = if (is.na(pw)) NULL else pw, lock_structure = TRUE)
  }
  wb_save(wb, out, overwrite = TRUE)
  message("wrote ", out)
}

check <- function(path) {
  wb <- wb_load(path)
  for (sh in wb$get_sheet_names()) {
    prot <- wb$worksheets[[which(wb$get_sheet_names() == sh)]]$sheetProtection
    cat(sprintf("%-24s %s\n", sh, if (length(prot) && nzchar(prot)) "protected" else "open"))
  }
}

`%||%` <- function(a, b) if (is.null(a)) b else a

switch(mode,
  discover = discover(target),
  apply = apply_spec(target),
  check = check(target),
  stop("unknown mode: ", mode, call. = FALSE)
)
