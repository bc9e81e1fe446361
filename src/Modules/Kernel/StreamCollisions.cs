using Npgsql;

namespace Holded.Partners.Kernel;

/// <summary>
/// Two writers starting one stream (a deterministic id: a collaboration's, a grant's, a denial window's entry): the
/// loser is to read again and retry, or be answered 409. Marten turns the unique violation on mt_streams into
/// ExistingStreamIdCollisionException; under archived-stream partitioning the violation names the partition
/// (mt_streams_default), which Marten 9.59 leaves as a plain command failure, so it is recognised here as well.
/// </summary>
public static class StreamCollisions
{
    public static bool Is(Exception e) => e switch
    {
        Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: { } table } => table.StartsWith("mt_streams", StringComparison.Ordinal),
        _ => e.InnerException is { } inner && Is(inner),
    };
}
