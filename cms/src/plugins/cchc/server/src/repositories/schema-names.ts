/**
 * Table and column names of the plugin's content types, read from Strapi's database
 * metadata rather than guessed: Strapi derives them (snake_case, `_lnk` join tables,
 * shortened identifiers) and may change how between versions.
 */
import type { Core } from '@strapi/strapi';

/** The names of a relation's join table. */
export interface JoinTableNames {
  table: string;
  /** Column holding the owning row's id (the article's, for an article relation). */
  ownColumn: string;
  /** Column holding the related row's id. */
  targetColumn: string;
  /** Column ordering the related rows, when the relation keeps an order. */
  orderColumn: string | null;
}

/** A table name with the connection's schema, when one is configured (PostgreSQL). */
export function qualified(strapi: Core.Strapi, table: string): string {
  const schema = strapi.db.getSchemaName();
  return schema ? `${schema}.${table}` : table;
}

/** The table of a content type, schema-qualified. */
export function tableOf(strapi: Core.Strapi, uid: string): string {
  return qualified(strapi, strapi.db.metadata.get(uid).tableName);
}

/** The column of a scalar attribute (`publicationDate` → `publication_date`). */
export function columnOf(strapi: Core.Strapi, uid: string, attribute: string): string {
  const attr = strapi.db.metadata.get(uid).attributes[attribute];
  const column = attr && 'columnName' in attr ? attr.columnName : undefined;
  if (!column) throw new Error(`${uid}.${attribute} has no column in the database metadata`);
  return column;
}

/** The join table of a relation attribute, schema-qualified. */
export function joinTableOf(strapi: Core.Strapi, uid: string, attribute: string): JoinTableNames {
  const attr = strapi.db.metadata.get(uid).attributes[attribute];
  const joinTable = attr && attr.type === 'relation' && 'joinTable' in attr ? attr.joinTable : undefined;
  if (!joinTable || !('inverseJoinColumn' in joinTable)) throw new Error(`${uid}.${attribute} has no join table in the database metadata`);
  return {
    table: qualified(strapi, joinTable.name),
    ownColumn: joinTable.joinColumn.name,
    targetColumn: joinTable.inverseJoinColumn.name,
    orderColumn: 'orderColumnName' in joinTable ? (joinTable.orderColumnName ?? null) : null,
  };
}
