using Lockstep.Core;
using Lockstep.Core.Policy;

namespace Lockstep.Sdk;

/// <summary>Decides the run's seed: <c>LOCKSTEP_SEED</c>, else lockstep.yml's <c>seed:</c>, else <see cref="TrainingRun.DefaultSeed"/>.</summary>
internal static class SeedSource
{
    public const string Variable = "LOCKSTEP_SEED";

    /// <exception cref="InputException">A seed that is not a whole number from 0 to 2147483647, or a policy that cannot be read; the message names where it came from.</exception>
    public static int Resolve(RunEnvironment environment, ProjectFiles files)
    {
        if (environment.Variable(Variable) is { } text)
        {
            return Seeds.TryParse(text, out var seed)
                ? seed
                : throw new InputException(Variable, null, null, $"expected {Seeds.Expected}, got '{text}'");
        }

        if (files.PolicyFile is { } policy)
        {
            string yaml;
            try
            {
                yaml = File.ReadAllText(policy);
            }
            catch (IOException e)
            {
                throw new InputException(policy, null, null, $"cannot read the policy for its seed: {e.Message}");
            }

            return PolicyReader.ReadSeed(yaml, policy) ?? TrainingRun.DefaultSeed;
        }

        return TrainingRun.DefaultSeed;
    }
}
