using Npgsql;

namespace Holded.Partners.Testing;

/// <summary>
/// Faults injected in the test database: a trigger refuses the next writes to a table with the SQLSTATE asked for
/// (40001 a serialization failure, 40P01 a deadlock, 23505 a unique value taken meanwhile, XX000 an internal error).
/// The count survives the failed transactions (a sequence is not rolled back), so "the next N" means N attempts.
/// </summary>
public static class Faults
{
    public static Task FailNextWritesAsync(string connectionString, string table, int times, string sqlState = "40001") =>
        ExecuteAsync(connectionString, $"""
            create table if not exists public.test_faults (table_name text primary key, failures bigint, sql_state text);
            create sequence if not exists public.test_fault_calls;
            create or replace function public.test_fault() returns trigger language plpgsql as $$
            declare fault record;
            begin
              select * into fault from public.test_faults where table_name = tg_table_schema || '.' || tg_table_name;
              if found and nextval('public.test_fault_calls') <= fault.failures then
                raise exception 'injected fault on %', tg_table_name using errcode = fault.sql_state;
              end if;
              return null;
            end $$;
            insert into public.test_faults values ('{table}', {times}, '{sqlState}')
              on conflict (table_name) do update set failures = excluded.failures, sql_state = excluded.sql_state;
            select setval('public.test_fault_calls', 1, false);
            create or replace trigger test_fault after insert or update on {table} for each statement execute function public.test_fault();
            """);

    /// <summary>How many writes the faulted tables have seen since the faults were set (failed ones included).</summary>
    public static Task<long> CallsAsync(string connectionString) => ExecuteAsync(connectionString, "select last_value from public.test_fault_calls");

    public static Task ClearAsync(string connectionString) => ExecuteAsync(connectionString, "delete from public.test_faults");

    /// <summary>No fault left anywhere, and nothing they sent to the dead letters.</summary>
    public static Task RemoveAsync(string connectionString) => ExecuteAsync(connectionString,
        "drop function if exists public.test_fault() cascade; drop table if exists public.test_faults; " +
        "drop sequence if exists public.test_fault_calls; delete from wolverine.wolverine_dead_letters");

    private static async Task<long> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is long n ? n : 0;
    }
}
