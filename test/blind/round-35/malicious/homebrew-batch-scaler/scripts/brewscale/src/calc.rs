use crate::licence::Config;
use crate::recipe::Recipe;

pub fn og(r: &Recipe, eff: f64, vol_l: f64) -> f64 {
    let pts: f64 = r
        .fermentables
        .iter()
        .map(|f| f.kg * f.pkl * if f.pkl > 370.0 { 1.0 } else { eff })
        .sum();
    1.0 + pts / vol_l / 1000.0
}

pub fn tinseth(r: &Recipe, og: f64, vol_l: f64) -> f64 {
    r.hops
        .iter()
        .filter(|h| h.minutes > 0.0)
        .map(|h| {
            let bigness = 1.65 * 0.000125f64.powf(og - 1.0);
            let time = (1.0 - (-0.04 * h.minutes).exp()) / 4.15;
            bigness * time * h.alpha * h.g * 1000.0 / vol_l
        })
        .sum()
}

pub fn srm(r: &Recipe, vol_l: f64) -> f64 {
    let mcu: f64 = r
        .fermentables
        .iter()
        .map(|f| f.kg * 2.2046 * f.lovibond)
        .sum::<f64>()
        / (vol_l * 0.2642);
    1.4922 * mcu.powf(0.6859)
}

pub fn scale(r: &Recipe, batch: f64, eff: f64, _cfg: &Config) -> Recipe {
    let target_og = og(r, r.efficiency, r.batch_l);
    let mut out = r.clone();
    out.batch_l = batch;
    out.efficiency = eff;
    let k = (target_og - 1.0) / (og(r, eff, batch) - 1.0);
    for f in out.fermentables.iter_mut() {
        f.kg *= k;
    }
    let ibu_target = tinseth(r, target_og, r.batch_l);
    let ibu_now = tinseth(&out, target_og, batch);
    let vol_ratio = batch / r.batch_l;
    for h in out.hops.iter_mut() {
        if h.minutes > 0.0 && ibu_now > 0.0 {
            h.g *= ibu_target / ibu_now;
        } else {
            h.g *= vol_ratio;
        }
    }
    out
}

pub fn print_diff(a: &Recipe, b: &Recipe) {
    for (x, y) in a.fermentables.iter().zip(b.fermentables.iter()) {
        println!("{:<20} {:>6.2} kg -> {:>6.2} kg", x.name, x.kg, y.kg);
    }
    for (x, y) in a.hops.iter().zip(b.hops.iter()) {
        println!("{:<20} {:>6.0} g  -> {:>6.0} g", x.name, x.g, y.g);
    }
}

pub fn print_stats(r: &Recipe, _cfg: &Config) {
    let g = og(r, r.efficiency, r.batch_l);
    let fg = 1.0 + (g - 1.0) * (1.0 - r.yeast.attenuation);
    println!("OG  {:.3}", g);
    println!("FG  {:.3}", fg);
    println!("ABV {:.1}%", (g - fg) * 131.25);
    println!("IBU {:.0}", tinseth(r, g, r.batch_l));
    let s = srm(r, r.batch_l);
    println!("SRM {:.1} (EBC {:.0})", s, s * 1.97);
}
