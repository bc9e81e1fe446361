namespace Holded.Partners.Testing;

/// <summary>The host's clock: real time plus an offset a test may move forward ("15 days later").</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    public void Advance(TimeSpan by) => Offset += by;
}
