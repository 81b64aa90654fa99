/** One option of a picker: the id to send, and a friendlier name when the server has one. */
export interface Choice {
  value: string;
  label?: string;
}

export interface ConfigChoices {
  agents: Choice[];
  teams: Choice[];
  workflows: Choice[];
  /** Databases that hold traces: `traces.dbs` when the server lists them, else `databases`. */
  databases: Choice[];
  /** The database the server reads when no `db_id` is sent. */
  defaultDatabase?: string;
}

type Entity = { id?: string | null; name?: string | null };

/**
 * The parts of GET /config that name choices: api/schemas' `ConfigResponse` has this shape. Written
 * out here because lib/ is the bottom layer and imports nothing from the rest of src/.
 */
interface ChoiceSource {
  databases?: readonly string[] | null;
  os_database?: string | null;
  agents?: readonly Entity[] | null;
  teams?: readonly Entity[] | null;
  workflows?: readonly Entity[] | null;
  traces?: {
    dbs?:
      readonly { db_id: string; domain_config?: { display_name?: string | null } | null }[] | null;
  } | null;
}

function entityChoices(entities: readonly Entity[] | null | undefined): Choice[] {
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const entity of entities ?? []) {
    if (!entity.id || seen.has(entity.id)) continue;
    seen.add(entity.id);
    choices.push(
      entity.name && entity.name !== entity.id
        ? { value: entity.id, label: entity.name }
        : { value: entity.id },
    );
  }
  return choices;
}

/** The ids GET /config knows, as choices for filters; empty lists when it is unavailable. */
export function configChoices(config: ChoiceSource | undefined): ConfigChoices {
  const traceDbs = config?.traces?.dbs;
  const databases: Choice[] = traceDbs?.length
    ? traceDbs.map((db) => {
        const label = db.domain_config?.display_name;
        return label ? { value: db.db_id, label } : { value: db.db_id };
      })
    : (config?.databases ?? []).map((id) => ({ value: id }));
  const defaultDatabase = config?.os_database ?? databases[0]?.value;
  return {
    agents: entityChoices(config?.agents),
    teams: entityChoices(config?.teams),
    workflows: entityChoices(config?.workflows),
    databases,
    ...(defaultDatabase && { defaultDatabase }),
  };
}
