/** @jest-environment node */
import { serverOnlyMarks } from '../shared/bundle-scan'

describe('serverOnlyMarks (the build test that keeps server code out of the app)', () => {
  it('finds each kind of server-only code', () => {
    expect(serverOnlyMarks('const { Pool } = require("pg"); require("pg-protocol")')).toEqual(['pg driver'])
    expect(serverOnlyMarks('import { PGlite } from "@electric-sql/pglite"')).toEqual(['PGlite'])
    expect(serverOnlyMarks('const app = Fastify({ logger: true })')).toEqual(['Fastify'])
    expect(serverOnlyMarks('CREATE TABLE ballots (id uuid primary key)')).toEqual(['SQL DDL'])
    expect(serverOnlyMarks('create index on orders (card_id)')).toEqual(['SQL DDL'])
    expect(serverOnlyMarks('SELECT id, balance FROM cards WHERE id = $1')).toEqual(['SQL DML'])
    expect(serverOnlyMarks('INSERT INTO ledger VALUES ($1)')).toEqual(['SQL DML'])
    expect(serverOnlyMarks('readFile("migrations/001.do.users.sql")')).toEqual(['migration file'])
  })

  it('leaves app code alone: React, Chinese text, lower-case words', () => {
    const app = 'function select(e){return e.selected} const t="请选择日期"; n.insertBefore(a,b); e.update({from:1})'
    expect(serverOnlyMarks(app)).toEqual([])
  })
})
