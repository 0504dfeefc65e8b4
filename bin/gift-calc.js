#!/usr/bin/env node
import { runFromProcess } from "../dist/bin/main.js";

await runFromProcess();
