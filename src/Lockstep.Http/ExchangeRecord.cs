namespace Lockstep.Http;

/// <summary>
/// How one request went through the retries, for the message when it failed: the attempts made; the wait it would
/// have needed next when that wait did not fit in the budget; and whether it failed in a way that may still have
/// carried it out (a POST answered with a 5xx, or with no answer), which the retries do not repeat.
/// </summary>
public sealed record ExchangeRecord(int Attempts, TimeSpan? RefusedWait, bool MayHaveBeenCarriedOut = false)
{
    public static readonly ExchangeRecord None = new(0, null);
}
