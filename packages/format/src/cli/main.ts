#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { validate } from '../schema/validate.js';

const [command, file] = process.argv.slice(2);
const usage = 'usage: gongkai validate BUNDLE.json';

if (command === 'validate' && file) {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    process.exit(1);
  }
  const result = validate(input);
  if (result.ok) {
    console.log(`${file}: ok`);
  } else {
    for (const p of result.problems) console.error(`${file}: ${p.path}: ${p.message.en} (${p.message['zh-Hans']})`);
    process.exit(1);
  }
} else {
  console.error(usage);
  process.exit(2);
}
