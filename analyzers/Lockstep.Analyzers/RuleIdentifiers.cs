namespace Lockstep.Analyzers;

/// <summary>
/// The rule ids. LS1xxx uncontrolled randomness, LS2xxx unversioned data, LS3xxx nondeterministic computation,
/// LS4xxx evaluation hygiene. Each has a page at docs/rules/&lt;id&gt;.md.
/// </summary>
internal static class RuleIdentifiers
{
    public const string UnseededRandom = "LS1001";
    public const string UnseedableRandom = "LS1002";
    public const string UnseededMLContext = "LS1003";
    public const string EntropySeed = "LS1004";
    public const string UnseededSplit = "LS1005";
    public const string TorchManualSeedMissing = "LS1006";
    public const string UnseededDataLoader = "LS1007";
    public const string TorchReseed = "LS1008";
    public const string DataFrameSample = "LS1009";
    public const string UnpinnedDataPath = "LS2001";
    public const string MutableDataReference = "LS2002";
    public const string UnpinnedRemoteData = "LS2003";
    public const string MachineSpecificPath = "LS2004";
    public const string ProcessRandomizedHash = "LS3001";
    public const string UnorderedFileEnumeration = "LS3002";
    public const string ParallelFloatReduction = "LS3003";
    public const string UnpinnedTrainerThreads = "LS3004";
    public const string EvaluateOnTrainSet = "LS4001";
}
