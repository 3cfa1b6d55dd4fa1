{
  force_org: {
    leader: { min: 1, max: 1 },
    core: { min: 2, max: 6 },
    specialist: { min: 0, max: 3 },
  },
  unique_max: 1,
}
