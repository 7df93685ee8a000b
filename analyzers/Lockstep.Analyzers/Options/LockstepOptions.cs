using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lockstep.Analyzers.Options;

/// <summary>
/// The <c>.editorconfig</c> options (per file, or global in a <c>.globalconfig</c>). Each is a comma-separated
/// list that replaces the default; a leading <c>+</c> adds to the default instead (<c>+h5,npy</c>).
/// </summary>
internal sealed class LockstepOptions
{
    public const string DataFileExtensionsKey = "lockstep.data_file_extensions";
    public const string DataRootsKey = "lockstep.data_roots";
    public const string MutableReferencePatternsKey = "lockstep.mutable_reference_patterns";
    public const string SeedParameterNamesKey = "lockstep.seed_parameter_names";

    public static readonly ImmutableArray<string> DefaultDataFileExtensions = ImmutableArray.Create(
        "csv", "tsv", "parquet", "json", "jsonl", "ndjson", "txt", "bin", "arrow", "feather", "zip", "gz", "bz2", "xz",
        "zst", "tar", "npy", "npz", "h5", "hdf5", "avro", "orc", "xlsx", "xls", "tfrecord", "idx", "libsvm", "svmlight");

    public static readonly ImmutableArray<string> DefaultDataRoots = ImmutableArray.Create("data", "datasets");

    public static readonly ImmutableArray<string> DefaultMutableReferencePatterns =
        ImmutableArray.Create("latest", "current", "/main/", "/master/", "resolve/main", "@latest");

    public static readonly ImmutableArray<string> DefaultSeedParameterNames = ImmutableArray.Create("seed", "randomSeed", "random_state");

    public static readonly LockstepOptions Default = new(
        DefaultDataFileExtensions, DefaultDataRoots, DefaultMutableReferencePatterns, DefaultSeedParameterNames);

    private LockstepOptions(
        ImmutableArray<string> dataFileExtensions,
        ImmutableArray<string> dataRoots,
        ImmutableArray<string> mutableReferencePatterns,
        ImmutableArray<string> seedParameterNames)
    {
        DataFileExtensions = dataFileExtensions.ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
        DataRoots = dataRoots;
        MutableReferencePatterns = mutableReferencePatterns;
        SeedParameterNames = seedParameterNames.ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>File extensions (without the dot) whose files are data.</summary>
    public ImmutableHashSet<string> DataFileExtensions { get; }

    /// <summary>Folders whose contents are data whatever their extension (the first segment of a relative path).</summary>
    public ImmutableArray<string> DataRoots { get; }

    /// <summary>Parts of a path or URI that name a moving version: whole words (<c>latest</c>) or fragments (<c>/main/</c>).</summary>
    public ImmutableArray<string> MutableReferencePatterns { get; }

    /// <summary>Parameter, property and field names that take a seed (compared ignoring case).</summary>
    public ImmutableHashSet<string> SeedParameterNames { get; }

    /// <summary>Reads the options that apply to a file; the same settings give the same (cached) instance.</summary>
    public sealed class Reader
    {
        private readonly AnalyzerConfigOptionsProvider provider;
        private readonly ConcurrentDictionary<(string?, string?, string?, string?), LockstepOptions> parsed = new();
        private readonly ConcurrentDictionary<SyntaxTree, LockstepOptions> byTree = new();

        public Reader(AnalyzerOptions options) => provider = options.AnalyzerConfigOptionsProvider;

        public LockstepOptions For(SyntaxTree tree) => byTree.GetOrAdd(tree, Read);

        private LockstepOptions Read(SyntaxTree tree)
        {
            var options = provider.GetOptions(tree);
            var key = (Value(options, DataFileExtensionsKey), Value(options, DataRootsKey), Value(options, MutableReferencePatternsKey), Value(options, SeedParameterNamesKey));
            if (key == (null, null, null, null))
            {
                return Default;
            }

            return parsed.GetOrAdd(key, k => new LockstepOptions(
                List(k.Item1, DefaultDataFileExtensions, trimDots: true),
                List(k.Item2, DefaultDataRoots, trimDots: false),
                List(k.Item3, DefaultMutableReferencePatterns, trimDots: false),
                List(k.Item4, DefaultSeedParameterNames, trimDots: false)));
        }

        private static string? Value(AnalyzerConfigOptions options, string key) =>
            options.TryGetValue(key, out var value) ? value : null;

        private static ImmutableArray<string> List(string? value, ImmutableArray<string> defaults, bool trimDots)
        {
            if (value is null)
            {
                return defaults;
            }

            var text = value.Trim();
            var add = text.StartsWith("+", StringComparison.Ordinal);
            var items = (add ? text.Substring(1) : text)
                .Split(',')
                .Select(item => trimDots ? item.Trim().TrimStart('.') : item.Trim())
                .Where(item => item.Length > 0);
            return add ? defaults.AddRange(items) : items.ToImmutableArray();
        }
    }
}
