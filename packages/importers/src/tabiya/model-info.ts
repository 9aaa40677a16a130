// model_info.csv: the model's name, description and version. Tabiya's ESCO exports leave
// VERSION empty and name the release instead ("ESCO v1.1.1"), so the version falls back to
// the one in the name.
import { versionIn } from '../esco/framework-meta.ts';
import { cleanText } from '../esco/labels.ts';
import type { ReadContext } from '../esco/read-context.ts';
import { openCsv, type SourceFile } from '../esco/source-files.ts';

export interface ModelInfo {
  name?: string;
  description?: string;
  version?: string;
}

export async function readModelInfo(file: SourceFile, ctx: ReadContext): Promise<ModelInfo> {
  const table = await openCsv(file, ctx.onProgress);
  const name = table.column('NAME');
  const version = table.find('VERSION');
  const description = table.find('DESCRIPTION');
  const info: ModelInfo = {};
  let rows = 0;
  for await (const row of table.rows()) {
    rows++;
    if (rows > 1) continue; // one model per export; later rows would be a different model
    const modelName = cleanText(row.get(name));
    const modelVersion = (version >= 0 ? cleanText(row.get(version)) : undefined) ?? (modelName ? versionIn(modelName) : undefined);
    const text = description >= 0 ? cleanText(row.get(description)) : undefined;
    if (modelName !== undefined) info.name = modelName;
    if (modelVersion !== undefined) info.version = modelVersion;
    if (text !== undefined) info.description = text;
  }
  ctx.rowsRead[file.name] = rows;
  if (rows > 1) ctx.warnings.push(`${file.name}: ${rows} models listed; the first one names the framework`);
  return info;
}
