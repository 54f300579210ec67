using System.Buffers;
using System.Text.Json;
using ModelPackTools.Diagnostics;

namespace ModelPackTools.Content.HuggingFace;

/// <summary>
/// The "tokenizer" content inspector, for the huggingface profile: a transformers folder whose config.json is a text
/// model must carry the tokenizer (MPK7027). The Hugging Face inference toolkit builds its pipeline with
/// `tokenizer=model_dir` for every task but the image and audio ones (aws/sagemaker-huggingface-inference-toolkit
/// transformers_utils.py, get_pipeline), TGI calls AutoTokenizer.from_pretrained on the model folder
/// (huggingface/text-generation-inference server/text_generation_server/models), and LMI's vLLM and lmi-dist do the
/// same. A text model is one whose first `architectures` entry ends as the toolkit's ARCHITECTURES_2_TASK keys do
/// (ForCausalLM, ForSequenceClassification, ...), or, without architectures, one of a known text `model_type`.
/// Not judged: a folder with preprocessor_config.json or processor_config.json (vision, audio and multimodal models,
/// whose processor is loaded instead: get_pipeline passes feature_extractor=model_dir for their tasks, and a
/// multimodal processor may bundle its tokenizer), a config.json in a top-level folder without serving.properties
/// (no container loads that folder), and a Hub model named by HF_MODEL_ID (the files come from the Hub).
/// </summary>
public sealed class TokenizerFilesInspector : IContentInspector, IContentAggregator
{
    private const long MaxConfigBytes = 4 << 20;

    // aws/sagemaker-huggingface-inference-toolkit transformers_utils.py ARCHITECTURES_2_TASK (all text tasks).
    private static readonly string[] TextHeads =
    [
        "ForQuestionAnswering", "ForTokenClassification", "ForSequenceClassification", "ForMultipleChoice", "ForMaskedLM",
        "ForCausalLM", "ForConditionalGeneration", "MTModel", "EncoderDecoderModel", "LMHeadModel",
    ];

    private static readonly HashSet<string> TextModelTypes = new(StringComparer.Ordinal)
    {
        "albert", "bart", "bert", "bloom", "codegen", "cohere", "deberta", "deberta-v2", "distilbert", "electra", "falcon",
        "gemma", "gemma2", "gpt2", "gpt_bigcode", "gpt_neox", "gptj", "llama", "mistral", "mixtral", "mpt", "mt5", "opt",
        "phi", "phi3", "qwen2", "qwen2_moe", "qwen3", "roberta", "starcoder2", "t5", "xlm-roberta",
    };

    // Files of a fast tokenizer, or of a slow one (sentencepiece models, WordPiece vocab.txt); vocab.json is BPE's
    // and needs merges.txt (checked apart).
    private static readonly string[] TokenizerFiles =
        ["tokenizer.json", "tokenizer_config.json", "tokenizer.model", "spiece.model", "sentencepiece.bpe.model", "vocab.txt"];

    private static readonly string[] ProcessorFiles = ["preprocessor_config.json", "processor_config.json"];

    public static TokenizerFilesInspector Instance { get; } = new();

    public string Name => "tokenizer";

    public IContentScan? Begin(ContentSubject subject)
    {
        var parts = subject.Path.Split('/');
        return parts is ["config.json"] or [_, "config.json"] && subject.Size <= MaxConfigBytes ? new Scan() : null;
    }

    public IEnumerable<Diagnostic> Aggregate(ContentAggregation aggregation)
    {
        if (aggregation.Profile != "huggingface" ||
            (aggregation.Environment is { } environment && environment.TryGetValue("HF_MODEL_ID", out var id) && id.Length > 0 && !id.StartsWith('/')))
        {
            return [];
        }

        var findings = new List<Diagnostic>();
        foreach (var (path, model) in aggregation.Of<TextModel>())
        {
            var folder = path[..^"config.json".Length];
            bool Has(string name) => aggregation.Tree.Resolve(folder + name) is { Status: LookupStatus.Found, Entry.IsFile: true };
            if ((folder.Length > 0 && !Has("serving.properties")) || ProcessorFiles.Any(Has))
            {
                continue;
            }

            if (!TokenizerFiles.Any(Has) && !(Has("vocab.json") && Has("merges.txt")))
            {
                findings.Add(DiagnosticCatalog.TokenizerMissing.Create(path, folder.Length == 0 ? "/opt/ml/model" : folder, model.Reason));
            }
        }

        return findings;
    }

    /// <summary>Why a config.json describes a text model ("architectures LlamaForCausalLM"), or null when it does not.</summary>
    public static string? TextModelReason(ReadOnlySpan<byte> json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("architectures", out var architectures) && architectures.ValueKind == JsonValueKind.Array &&
                architectures.GetArrayLength() > 0 && architectures[0].ValueKind == JsonValueKind.String)
            {
                var first = architectures[0].GetString()!;
                return TextHeads.Any(h => first.EndsWith(h, StringComparison.Ordinal)) ? $"architectures {first}" : null;
            }

            return root.TryGetProperty("model_type", out var type) && type.ValueKind == JsonValueKind.String && TextModelTypes.Contains(type.GetString()!)
                ? $"model_type {type.GetString()}"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record TextModel(string Reason);

    private sealed class Scan : ICollectingScan
    {
        private readonly ArrayBufferWriter<byte> text = new();

        public object? Collected => TextModelReason(this.text.WrittenSpan) is { } reason ? new TextModel(reason) : null;

        // config.json is read for the model type only, the folder is judged, not the file: no claim.
        public bool Claimed => false;

        public bool Append(ReadOnlySpan<byte> data)
        {
            this.text.Write(data);
            return true;
        }

        public IEnumerable<Diagnostic> Complete() => [];
    }
}
