{
  name: 'Iron Covenant',
  units: {
    warden_captain: { slot: 'leader', base: 110, upgrades: { banner: 10, warhorse: 25 } },
    shieldbearers: { slot: 'core', per_model: 20, min: 5, max: 15, upgrades: { sergeant: 5 } },
    long_gunners: { slot: 'core', per_model: 24, min: 5, max: 10, upgrades: { sergeant: 5 } },
    siege_crew: { slot: 'specialist', base: 140, upgrades: { second_gun: 60 } },
    saint_aldric: { slot: 'leader', base: 180, unique: true, upgrades: {} },
  },
}
