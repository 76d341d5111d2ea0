/** The options of `unionplan import`, as commander parses them. */
export interface ImportCommandOptions {
  output: string;
  force?: boolean;
  type?: string;
  year?: number;
  org?: string;
  piece?: number;
  templates?: string;
}
