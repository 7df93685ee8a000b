using Lockstep.Analyzers.Rules;
using Lockstep.Analyzers.Tests.Infrastructure;

namespace Lockstep.Analyzers.Tests.Rules;

public class DataPathAnalyzerTests
{
    private const string LockFile = """
        {
          "schema": "lockstep.data-lock/v1",
          "files": {
            "data/train.csv": { "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "size": 1024 }
          }
        }
        """;

    [Fact]
    public Task Local_data_paths_not_in_the_lock_file_are_reported() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO;

            class Loader
            {
                string[] Read() => File.ReadAllLines({|LS2001:"data/valid.csv"|});

                string Features => {|LS2001:@"data\features.parquet"|};
            }
            """).WithAdditionalFile("/repo/data.lock.json", LockFile).RunAsync();

    [Fact]
    public Task Paths_pinned_in_data_lock_json_or_by_a_dvc_pointer_are_not_reported() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO;

            class Loader
            {
                string[] Train() => File.ReadAllLines("data/train.csv");

                string[] Pinned() => File.ReadAllLines("./data/train.csv");

                string Raw() => "data/raw/events.jsonl";
            }
            """).WithAdditionalFile("/repo/data.lock.json", LockFile).WithAdditionalFile("/repo/data/raw.dvc", "outs:\n- md5: 1\n  path: raw\n").RunAsync();

    [Fact]
    public Task Outputs_messages_search_patterns_and_DataLock_Path_are_not_data_reads() =>
        Verify.Training<DataPathAnalyzer>("""
            using System;
            using System.IO;
            using Lockstep.Sdk;
            using Microsoft.ML;

            class Trainer
            {
                void Run(MLContext ml, ITransformer model, DataViewSchema schema)
                {
                    ml.Model.Save(model, schema, "model.zip");
                    File.WriteAllText("metrics.json", "{}");
                    Console.WriteLine("Reading train.csv");
                    var files = Directory.GetFiles("incoming", "*.csv");
                    var pinned = DataLock.Path("data/valid.csv");
                    new ReportCardBuilder("churn", "1.0.0").Write("out/report-card.json");
                    var text = "hello.world";
                }
            }
            """).RunAsync();

    [Fact]
    public Task Outputs_built_by_Path_Combine_Join_interpolation_or_concatenation_are_not_data_reads() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO;
            using Microsoft.ML;

            class Trainer
            {
                void Run(MLContext ml, ITransformer model, DataViewSchema schema, string outputDir)
                {
                    ml.Model.Save(model, schema, Path.Combine(outputDir, "model.zip"));
                    File.WriteAllText(Path.Combine(outputDir, "metrics.json"), "{}");
                    File.WriteAllText(Path.Join(outputDir, "eval", "metrics.json"), "{}");
                    File.WriteAllText(Path.Combine(outputDir, "runs", "latest", "eval", "scores.csv"), "");
                    File.WriteAllText(Path.Combine(outputDir, "scores" + ".csv"), "");
                    File.WriteAllText($"{outputDir}/predictions.csv", "");
                    File.WriteAllText(outputDir + "/predictions.csv", "");
                    using var writer = new StreamWriter(Path.Combine(outputDir, $"{"errors"}.csv"));
                }
            }
            """).RunAsync();

    [Fact]
    public Task Reads_built_by_Path_Combine_interpolation_or_concatenation_are_still_reported() =>
        Verify.Training<DataPathAnalyzer>("""
            using System.IO;
            using Microsoft.ML;

            class Row
            {
                public float Label;
            }

            class Trainer
            {
                void Run(MLContext ml, string dir, string outputDir)
                {
                    var train = ml.Data.LoadFromTextFile<Row>(Path.Combine(dir, {|LS2001:"train.csv"|}));
                    var valid = File.ReadAllText(Path.Join(dir, {|LS2001:"valid.csv"|}));
                    var test = File.ReadAllLines(dir + {|LS2001:"/test.csv"|});
                    var copy = Path.Combine(outputDir, {|LS2001:"copy.csv"|});
                    File.WriteAllText(Path.Combine(outputDir, "copy.csv"), File.ReadAllText(Path.Combine(dir, {|LS2001:"source.csv"|})));
                }
            }
            """).RunAsync();

    [Fact]
    public Task Mutable_references_are_reported_in_paths_and_URIs() =>
        Verify.Training<DataPathAnalyzer>("""
            class Sources
            {
                string A => {|LS2002:"data/latest/train.csv"|};
                string B => {|LS2002:"https://huggingface.co/datasets/org/reviews/resolve/main/train.parquet"|};
                string C => {|LS2002:"https://github.com/org/repo/raw/master/data/labels.csv"|};
                string D => {|LS2002:"s3://bucket/features/current/part-0.parquet"|};
                string E => "data/2026-11-01/train.csv";
            }
            """).WithAdditionalFile("/repo/data.lock.json", """{ "schema": "lockstep.data-lock/v1", "files": { "data/2026-11-01/train.csv": { "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "size": 1 } } }""").RunAsync();

    [Fact]
    public Task Mutable_reference_patterns_come_from_the_editorconfig() =>
        Verify.Training<DataPathAnalyzer>("""
            class Sources
            {
                string A => {|LS2002:"s3://bucket/nightly/train.parquet?versionId=3"|};
                string B => "s3://bucket/latest/train.parquet?versionId=3";
            }
            """).WithOption("lockstep.mutable_reference_patterns", "nightly").RunAsync();

    [Fact]
    public Task Remote_data_without_a_version_is_reported() =>
        Verify.Training<DataPathAnalyzer>("""
            class Sources
            {
                string A => {|LS2003:"s3://bucket/train.parquet"|};
                string B => {|LS2003:"https://huggingface.co/datasets/org/reviews/resolve/v1.0/train.parquet"|};
                string C => {|LS2003:"https://example.com/exports/train.csv"|};
                string D => "s3://bucket/train.parquet?versionId=3HL4kqtJlcpXroDTDmJ";
                string E => "https://huggingface.co/datasets/org/reviews/resolve/0123456789abcdef0123456789abcdef01234567/train.parquet";
                string F => "https://example.com/exports/train.csv#sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
                string G => "https://api.example.com/v1/predict";
            }
            """).RunAsync();

    [Fact]
    public Task Home_folder_paths_are_reported() =>
        Verify.Training<DataPathAnalyzer>("""
            class Sources
            {
                string A => {|LS2004:@"C:\Users\ana\Downloads\train.csv"|};
                string B => {|LS2004:"/home/ana/data/train.csv"|};
                string C => {|LS2004:"/Users/ana/model-output"|};
            }
            """).RunAsync();

    [Fact]
    public Task Data_extensions_and_roots_come_from_the_editorconfig() =>
        Verify.Training<DataPathAnalyzer>("""
            class Sources
            {
                string A => {|LS2001:"corpus/tokens.msgpack"|};
                string B => {|LS2001:"corpus/shards"|};
                string C => "data/train.csv";
            }
            """).WithOption("lockstep.data_file_extensions", "msgpack").WithOption("lockstep.data_roots", "corpus").RunAsync();

    [Fact]
    public Task Application_code_stays_quiet() =>
        Verify.Application<DataPathAnalyzer>("""
            class Settings
            {
                string A => "data/latest/train.csv";
                string B => "/home/ana/train.csv";
            }
            """).RunAsync();
}
