namespace Lockstep.Http;

/// <summary>
/// How one request went through the retries, for the message when it failed: the attempts made, and the wait it
/// would have needed next when that wait did not fit in the budget.
/// </summary>
public sealed record ExchangeRecord(int Attempts, TimeSpan? RefusedWait)
{
    public static readonly ExchangeRecord None = new(0, null);
}
