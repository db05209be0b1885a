import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// npm run check:cycles, run on small trees of its own.
const script = path.resolve("scripts/check-import-cycles.ts");
const tsx = path.resolve("node_modules/.bin/tsx");
let dir: string;

function tree(files: Record<string, string>) {
  dir = mkdtempSync(path.join(tmpdir(), "marquee-cycles-"));
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "esnext", moduleResolution: "bundler", paths: { "@/*": ["./*"] } }, include: ["**/*.ts"] }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

function check(): { code: number; output: string } {
  try {
    return { code: 0, output: execFileSync(tsx, [script], { cwd: dir, encoding: "utf8", stdio: "pipe" }) };
  } catch (err) {
    const e = err as { status: number; stderr: string };
    return { code: e.status, output: e.stderr };
  }
}

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("check:cycles", () => {
  it("fails on two lib/ folders that import each other through different files", () => {
    tree({
      "lib/booking/sync.ts": 'import { pay } from "@/lib/payments/pay";\nexport const sync = () => pay;\n',
      "lib/booking/order.ts": "export const order = 1;\n",
      "lib/payments/pay.ts": "export const pay = 1;\n",
      "lib/payments/webhook.ts": 'import { order } from "@/lib/booking/order";\nexport const hook = () => order;\n',
    });
    const { code, output } = check();
    expect(code).toBe(1);
    expect(output).toContain("lib/ folders in a cycle: lib/booking, lib/payments");
    expect(output).toContain("lib/payments/webhook.ts → lib/booking/order.ts");
  });

  it("fails on files that import each other at run time, and not on a type-only import back", () => {
    tree({
      "lib/a/one.ts": 'import { two } from "./two";\nexport const one = () => two;\n',
      "lib/a/two.ts": 'import { one } from "./one";\nexport const two = () => one;\n',
      "lib/b/three.ts": 'import { four } from "./four";\nexport type Three = number;\nexport const three = four;\n',
      "lib/b/four.ts": 'import type { Three } from "./three";\nexport const four: Three = 4;\n',
    });
    const { code, output } = check();
    expect(code).toBe(1);
    expect(output).toContain("files in a cycle: lib/a/one.ts, lib/a/two.ts");
    expect(output).not.toContain("lib/b/");
  });

  it("passes a tree whose folders depend one way", () => {
    tree({
      "lib/booking/sync.ts": 'import { pay } from "@/lib/payments/pay";\nexport const sync = () => pay;\n',
      "lib/payments/pay.ts": "export const pay = 1;\n",
      "app/page.ts": 'import { sync } from "@/lib/booking/sync";\nexport default sync;\n',
    });
    expect(check()).toMatchObject({ code: 0, output: expect.stringContaining("No import cycles") });
  });
});
