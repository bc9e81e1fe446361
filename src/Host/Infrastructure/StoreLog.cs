using Marten;
using Marten.Services;
using Npgsql;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// What the store logs of its commands. A refusal the database is expected to give now and then — a lost race, a
/// unique value taken meanwhile, a passing failure that is retried — is information, without a stack trace; any other
/// failure is an error, with its SQL and stack trace.
/// </summary>
public sealed class StoreLog(ILogger<StoreLog> log) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => log.LogInformation("Schema change: {Sql}", sql);

    public void LogSuccess(NpgsqlCommand command) { }
    public void LogSuccess(NpgsqlBatch batch) { }
    public void OnBeforeExecute(NpgsqlCommand command) { }
    public void OnBeforeExecute(NpgsqlBatch batch) { }
    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failed(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        Failed(ex, string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(Exception ex, string message) => Failed(ex, message);

    private void Failed(Exception ex, string what)
    {
        if (ErrorResponses.IsExpected(ex)) log.LogInformation("The database refused, as it may: {Reason}", ex.Message.Split('\n')[^1]);
        else log.LogError(ex, "A database command failed: {Command}", what);
    }
}
