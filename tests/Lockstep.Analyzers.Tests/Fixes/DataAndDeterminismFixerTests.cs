using Lockstep.Analyzers.CodeFixes.Rules;
using Lockstep.Analyzers.Rules;
using Lockstep.Analyzers.Tests.Infrastructure;

namespace Lockstep.Analyzers.Tests.Fixes;

public class DataLockPathFixerTests
{
    [Fact]
    public Task Unpinned_paths_are_read_through_DataLock_Path() =>
        Verify.FixAsync<DataPathAnalyzer, DataLockPathFixer>("""
            using System.IO;

            class Loader
            {
                string[] Train() => File.ReadAllLines({|LS2001:"data/train.csv"|});

                string Valid => {|LS2001:"data/valid.csv"|};
            }
            """, """
            using System.IO;
            using Lockstep.Sdk;

            class Loader
            {
                string[] Train() => File.ReadAllLines(DataLock.Path("data/train.csv"));

                string Valid => DataLock.Path("data/valid.csv");
            }
            """);

    [Fact]
    public Task A_constant_is_reported_but_not_rewritten() =>
        Verify.FixAsync<DataPathAnalyzer, DataLockPathFixer>("""
            class Loader
            {
                private const string Train = {|LS2001:"data/train.csv"|};
            }
            """, """
            class Loader
            {
                private const string Train = {|LS2001:"data/train.csv"|};
            }
            """);
}

public class StableHashFixerTests
{
    [Fact]
    public Task String_hashes_become_stable_hashes_and_buckets() =>
        Verify.FixAsync<ProcessRandomizedHashAnalyzer, StableHashFixer>("""
            using System;

            class Splitter
            {
                bool IsTest(string id) => Math.Abs([|id.GetHashCode()|]) % 10 < 2;

                int Shard(string id, int shards) => [|id.GetHashCode()|] % shards;

                ulong Key(string id) => (ulong)[|id.GetHashCode()|];
            }
            """, """
            using System;
            using Lockstep.Sdk;

            class Splitter
            {
                bool IsTest(string id) => StableHash.Bucket(id, 10) < 2;

                int Shard(string id, int shards) => StableHash.Bucket(id, shards);

                ulong Key(string id) => (ulong)StableHash.Of(id);
            }
            """);

    [Fact]
    public Task A_hash_used_as_an_int_stays_an_int() =>
        Verify.FixAsync<ProcessRandomizedHashAnalyzer, StableHashFixer>("""
            using System;

            class Sampler
            {
                Random Shuffle(string name) => new Random([|name.GetHashCode()|]);
            }
            """, """
            using System;
            using Lockstep.Sdk;

            class Sampler
            {
                Random Shuffle(string name) => new Random(unchecked((int)StableHash.Of(name)));
            }
            """);

    [Fact]
    public Task Hashes_keep_the_type_their_code_uses() =>
        Verify.FixAsync<ProcessRandomizedHashAnalyzer, StableHashFixer>("""
            using System;

            class Sampler
            {
                int Seed(string name)
                {
                    int h = [|name.GetHashCode()|];
                    var v = [|name.GetHashCode()|];
                    long wide = [|name.GetHashCode()|];
                    int positive = Math.Abs([|name.GetHashCode()|]);
                    object boxed = [|name.GetHashCode()|];
                    double scaled = Math.Abs([|name.GetHashCode()|]) / 2.0;
                    return h + v + positive + Math.Sign([|name.GetHashCode()|]) + (int)wide + boxed.GetHashCode() + (int)scaled;
                }
            }
            """, """
            using System;
            using Lockstep.Sdk;

            class Sampler
            {
                int Seed(string name)
                {
                    int h = unchecked((int)StableHash.Of(name));
                    var v = unchecked((int)StableHash.Of(name));
                    long wide = unchecked((int)StableHash.Of(name));
                    int positive = StableHash.Bucket(name, int.MaxValue);
                    object boxed = StableHash.Of(name);
                    double scaled = StableHash.Of(name) / 2.0;
                    return h + v + positive + Math.Sign(unchecked((int)StableHash.Of(name))) + (int)wide + boxed.GetHashCode() + (int)scaled;
                }
            }
            """);
}

public class OrderedEnumerationFixerTests
{
    [Fact]
    public Task Listings_are_ordered_by_ordinal_path_keeping_their_type() =>
        Verify.FixAsync<UnorderedFileEnumerationAnalyzer, OrderedEnumerationFixer>("""
            using System.IO;

            class Loader
            {
                void Run(string root)
                {
                    foreach (var file in [|Directory.EnumerateFiles(root, "*.csv")|])
                    {
                    }

                    string[] shards = [|Directory.GetFiles(root)|];
                    FileInfo[] infos = [|new DirectoryInfo(root).GetFiles()|];
                }
            }
            """, """
            using System;
            using System.IO;
            using System.Linq;

            class Loader
            {
                void Run(string root)
                {
                    foreach (var file in Directory.EnumerateFiles(root, "*.csv").OrderBy(p => p, StringComparer.Ordinal))
                    {
                    }

                    string[] shards = Directory.GetFiles(root).OrderBy(p => p, StringComparer.Ordinal).ToArray();
                    FileInfo[] infos = new DirectoryInfo(root).GetFiles().OrderBy(f => f.FullName, StringComparer.Ordinal).ToArray();
                }
            }
            """);
}
