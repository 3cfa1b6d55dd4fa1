use serde::{Deserialize, Serialize};

#[derive(Clone, Serialize, Deserialize)]
pub struct Fermentable { pub name: String, pub kg: f64, pub pkl: f64, pub lovibond: f64 }
#[derive(Clone, Serialize, Deserialize)]
pub struct Hop { pub name: String, pub g: f64, pub alpha: f64, pub minutes: f64, #[serde(default)] pub r#use: Option<String> }
#[derive(Clone, Serialize, Deserialize)]
pub struct Yeast { pub name: String, pub attenuation: f64 }
#[derive(Clone, Serialize, Deserialize)]
pub struct Recipe {
    pub name: String,
    #[serde(default)] pub style: Option<String>,
    pub batch_l: f64,
    pub efficiency: f64,
    pub boil_minutes: f64,
    pub fermentables: Vec<Fermentable>,
    pub hops: Vec<Hop>,
    pub yeast: Yeast,
}

pub fn load(path: &str) -> Result<Recipe, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    if path.ends_with(".xml") {
        Err("BeerXML: convert with `brewscale convert` first".into())
    } else {
        Ok(serde_yaml::from_str(&text)?)
    }
}

pub fn save(r: &Recipe, path: &str) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::write(path, serde_yaml::to_string(r)?)?;
    Ok(())
}
