// Deterministic sample records for the engine benchmark (a seeded PRNG: same data every run).
export function makeRecords(n, seed = 42) {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const statuses = ["active", "inactive", "pending", "banned"];
  const roles = ["admin", "editor", "viewer", "guest"];
  const departments = ["HR", "Engineering", "Sales", "Support", "Legal"];
  const cities = ["Paris", "Berlin", "Lagos", "Lima", "Osaka", "Austin"];
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = {
      id: i,
      name: `user${i}`,
      status: pick(statuses),
      role: pick(roles),
      department: pick(departments),
      location: rand() < 0.3 ? "remote" : "office",
      age: 18 + Math.floor(rand() * 60),
      score: Math.round(rand() * 1000) / 10,
      verified: rand() < 0.5,
      tags: rand() < 0.5 ? ["alpha", "beta"] : ["gamma"],
      profile: { city: pick(cities), zip: String(10000 + Math.floor(rand() * 90000)) },
    };
  }
  return out;
}
