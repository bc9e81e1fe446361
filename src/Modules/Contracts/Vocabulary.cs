namespace Holded.Partners.Contracts;

// The words the contracts carry, for producer and consumer alike: a constant is not behaviour.

/// <summary>Which side of a client and its firm said or did something (a message's author, who ended a collaboration).</summary>
public static class Sides
{
    public const string Client = "client";
    public const string Partner = "partner";
}
