/**
 * Checks the weapp build with WeChat's own compiler (miniprogram-ci), offline: compiles it as an
 * upload would (JS/WXML/WXSS minified), analyses module dependencies, and prints package sizes.
 * Builds nothing: run `npm run build:weapp` first. Exits 1 on any compile or dependency error.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ci from 'miniprogram-ci';
import { weappPackageSizes } from './lib/weapp-size';

const root = path.resolve(__dirname, '..');
const projectPath = path.join(root, 'miniapp', 'dist', 'weapp');
const MAIN_BUDGET_BYTES = 800 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<number> {
  if (!existsSync(path.join(projectPath, 'app.json'))) {
    console.error(`✗ no weapp build in ${path.relative(root, projectPath)}: run \`npm run build:weapp\` first`);
    return 1;
  }
  const projectConfig = JSON.parse(readFileSync(path.join(projectPath, 'project.config.json'), 'utf8')) as {
    appid: string;
  };

  const project = new ci.Project({
    appid: projectConfig.appid,
    type: 'miniProgram',
    projectPath,
    // Only signing an upload needs a real key; compiling offline needs any non-empty string.
    privateKey: 'offline-check',
    ignores: ['node_modules/**/*'],
    // With attr given, the project never asks WeChat's servers for the appid's attributes.
    attr: async () => ci.DefaultProjectAttr,
  } as ConstructorParameters<typeof ci.Project>[0]);

  const problems: string[] = [];

  try {
    const compiled = await ci.getCompiledResult({
      project,
      version: '0.0.0-check',
      setting: { es6: false, es7: false, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: true },
      onProgressUpdate: (task) => {
        if (typeof task !== 'string' && task.status === 'fail') problems.push(`compile: ${task.message}`);
      },
    });
    const bytes = Object.values(compiled).reduce((sum, content) => sum + Buffer.byteLength(content), 0);
    console.log(`✓ compiled ${Object.keys(compiled).length} files, ${kb(bytes)} (JS, WXML and WXSS minified)`);
  } catch (error) {
    problems.push(`compile: ${error instanceof Error ? error.message : String(error)}`);
  }

  const analysis = await ci.analyseCode(project, { silent: true });
  if (!analysis) {
    problems.push('analyse: miniprogram-ci returned no analysis');
  } else {
    for (const mod of analysis.modules) {
      if (mod.buildError) problems.push(`module ${mod.path}: ${mod.buildError}`);
      for (const error of mod.errors ?? []) problems.push(`module ${mod.path}: ${error}`);
      for (const dep of mod.deps) {
        if (dep.error) problems.push(`dependency ${mod.path} → ${dep.request}: ${dep.error}`);
      }
    }
    console.log(`✓ analysed ${analysis.modules.length} modules, ${analysis.files.length} files`);
  }

  const sizes = weappPackageSizes(projectPath);
  console.log(`main package                ${kb(sizes.main).padStart(10)}  (budget ${kb(MAIN_BUDGET_BYTES)})`);
  for (const sub of sizes.subpackages) console.log(`subpackage ${sub.root.padEnd(16)} ${kb(sub.bytes).padStart(10)}`);
  if (sizes.main > MAIN_BUDGET_BYTES) problems.push(`main package ${kb(sizes.main)} exceeds ${kb(MAIN_BUDGET_BYTES)}`);

  if (problems.length > 0) {
    const unique = [...new Set(problems)];
    console.error(`✗ weapp check failed:\n${unique.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  console.log('✓ weapp check passed');
  return 0;
}

// miniprogram-ci leaves a compiler subprocess running, so the process ends explicitly.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
