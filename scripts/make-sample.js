// Writes sample/data.json and sample/schema.json: the bundled data set `npx filterql` opens on.
// Deterministic (seeded), so regenerating changes nothing unless this script changes.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
let s = 20240501;
const rand = () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const first = ["Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Edsger", "Radia", "Guido", "Yukihiro", "Anders", "Sophie", "Tim", "Hedy", "John", "Katherine", "Niklaus", "Leslie", "Donald", "Shafi", "Jean", "Amara", "Chidi", "Mei", "Rahul", "Lucía", "Søren"];
const last = ["Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen", "Dijkstra", "Perlman", "van Rossum", "Matsumoto", "Hejlsberg", "Wilson", "Berners-Lee", "Lamarr", "Backus", "Johnson", "Wirth", "Lamport", "Knuth", "Goldwasser", "Sammet", "Okafor", "Eze", "Chen", "Gupta", "Fernández", "Kierkegaard"];
const departments = ["Engineering", "Sales", "Support", "HR", "Marketing", "Finance"];
const cities = [["Paris", "FR"], ["Berlin", "DE"], ["Lagos", "NG"], ["Lima", "PE"], ["Osaka", "JP"], ["Austin", "US"], ["Toronto", "CA"], ["Bengaluru", "IN"], ["Madrid", "ES"], ["Copenhagen", "DK"]];
const tagPool = ["vip", "beta", "trial", "churn-risk", "partner", "early-adopter", "enterprise", "newsletter"];
const base = Date.parse("2026-01-01T00:00:00Z");

// Letters that do not decompose into a base letter and accents, spelled as people write them in addresses.
const LETTERS = { ø: "o", æ: "ae", œ: "oe", ß: "ss", å: "a", đ: "d", ð: "d", ł: "l", þ: "th", ı: "i" };

/** "Søren Fernández" → "soren fernandez": accents dropped, other letters spelled out, so addresses read like real ones. */
const transliterate = (s) => s.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[^\x00-\x7f]/g, (c) => LETTERS[c] ?? "");

const records = [];
for (let i = 1; i <= 300; i++) {
  const fn = pick(first);
  const ln = pick(last);
  const [city, country] = pick(cities);
  const tags = tagPool.filter(() => rand() < 0.2);
  const rec = {
    id: i,
    name: `${fn} ${ln}`,
    email: transliterate(`${fn}.${ln}`).replace(/[^a-z.]/g, "") + `${i}@example.com`,
    status: pick(["active", "active", "active", "inactive", "pending"]),
    role: pick(["admin", "editor", "editor", "viewer", "viewer", "viewer"]),
    department: pick(departments),
    location: pick(["remote", "office", "hybrid"]),
    age: 21 + Math.floor(rand() * 45),
    score: Math.round(rand() * 1000) / 10,
    verified: rand() < 0.7,
    created: new Date(base + Math.floor(rand() * 330) * 86_400_000 + Math.floor(rand() * 86_400_000)).toISOString(),
    tags,
    profile: { city, country, bio: rand() < 0.5 ? `${fn} works on ${pick(["compilers", "databases", "search", "payments", "mobile apps", "infrastructure"])} in ${city}.` : null },
    metadata: { source: pick(["signup", "import", "referral"]), tags: tags.slice(0, 2) },
  };
  if (rand() < 0.1) delete rec.profile.bio;
  records.push(rec);
}

const schema = {
  id: "integer",
  name: "string",
  email: "string",
  status: { type: "string", enum: ["active", "inactive", "pending"] },
  role: { type: "string", enum: ["admin", "editor", "viewer"] },
  department: { type: "string", enum: departments },
  location: { type: "string", enum: ["remote", "office", "hybrid"] },
  age: "integer",
  score: "number",
  verified: "boolean",
  created: "date",
  tags: "string[]",
  "profile.city": "string",
  "profile.country": "string",
  "profile.bio": { type: "string", sortable: false },
  "metadata.source": { type: "string", enum: ["signup", "import", "referral"] },
  "metadata.tags": "string[]",
};

writeFileSync(join(root, "sample", "data.json"), `${JSON.stringify(records, null, 1)}\n`);
writeFileSync(join(root, "sample", "schema.json"), `${JSON.stringify(schema, null, 2)}\n`);
