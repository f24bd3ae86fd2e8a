"""Dagster assets: thin wrappers over the stage modules that add what an operator looks for in the UI."""

import hashlib

import dagster as dg
import pandas as pd
import pandera.errors

import schemas
from pipeline import clean, dedup, extract, ingest, merge, release, settings

ARTICLE_COLUMNS = list(schemas.ArticlesModel.to_schema().columns)


def _preview(frame: pd.DataFrame, columns: list[str], rows: int = 10) -> dg.MetadataValue:
    view = frame[columns].head(rows).astype(object).where(frame[columns].head(rows).notna(), "")
    view = view.map(lambda v: (str(v)[:80] + "…") if len(str(v)) > 80 else v)
    return dg.MetadataValue.md(view.to_markdown(index=False) if not view.empty else "_empty_")


def _rejections(frame: pd.DataFrame) -> dg.MetadataValue:
    rejected = frame[frame["status"] == "rejected"]
    if rejected.empty:
        return dg.MetadataValue.md("_none_")
    return dg.MetadataValue.md(rejected[["source_path", "reject_reason"]].to_markdown(index=False))


def _data_version(frame: pd.DataFrame) -> dg.DataVersion:
    digest = hashlib.sha256(pd.util.hash_pandas_object(frame.astype(str), index=False).values.tobytes())
    return dg.DataVersion(digest.hexdigest()[:16])


@dg.asset(group_name="ingest", kinds={"python", "parquet"}, code_version="1")
def raw_articles(context: dg.AssetExecutionContext) -> dg.Output[pd.DataFrame]:
    """Every *.txt under PIPELINE_RAW_DIR, recursively, as bytes, with article_id from their sha256."""
    raw_dir = settings.raw_dir()
    try:
        frame = ingest.read_raw_articles(raw_dir)
    except settings.ConfigurationError as error:
        raise dg.Failure(description=str(error)) from error
    unreadable = frame[frame["read_error"].notna()]
    corpus_sha256 = ingest.corpus_sha256(frame)
    return dg.Output(
        frame,
        data_version=dg.DataVersion(corpus_sha256[:16]),
        metadata={
            "dagster/row_count": len(frame),
            "raw_dir": dg.MetadataValue.path(str(raw_dir.resolve())),
            "bytes": int(frame["n_bytes"].sum()),
            "corpus_sha256": corpus_sha256,
            "unreadable": dg.MetadataValue.md(
                unreadable[["source_path", "read_error"]].to_markdown(index=False) if len(unreadable) else "_none_"
            ),
        },
    )


@dg.asset(group_name="clean", kinds={"python", "parquet"}, code_version="1")
def cleaned_articles(raw_articles: pd.DataFrame) -> dg.Output[pd.DataFrame]:
    """Decoded text without page chrome, with title, outlet, byline, dateline, publication date and language."""
    frame = clean.clean_articles(raw_articles)
    return dg.Output(
        frame,
        data_version=_data_version(frame),
        metadata={
            "dagster/row_count": len(frame),
            "rejected": int((frame["status"] == "rejected").sum()),
            "rejected_rows": _rejections(frame),
            "published_date_basis": dg.MetadataValue.json(frame["published_date_basis"].value_counts().to_dict()),
            "languages": dg.MetadataValue.json(frame["language"].value_counts().to_dict()),
            "preview": _preview(frame, ["source_path", "outlet", "published_date", "language", "title", "status"]),
        },
    )


@dg.asset(group_name="dedup", kinds={"python", "parquet"}, code_version="1")
def deduplicated_articles(cleaned_articles: pd.DataFrame) -> dg.Output[pd.DataFrame]:
    """Articles with near-duplicates (updates, reprints) pointing at their canonical article."""
    frame = dedup.mark_duplicates(cleaned_articles)[ARTICLE_COLUMNS]
    return dg.Output(
        frame,
        data_version=_data_version(frame),
        metadata={
            "dagster/row_count": len(frame),
            "status": dg.MetadataValue.json(frame["status"].value_counts().to_dict()),
            "rejected_rows": _rejections(frame),
            "duplicates": dg.MetadataValue.md(
                frame.loc[frame["duplicate_of"].notna(), ["source_path", "duplicate_of"]].to_markdown(index=False)
                or "_none_"
            ),
            "preview": _preview(frame, ["article_id", "source_path", "outlet", "published_date", "status"]),
        },
    )


def _contract_check(table: str, model) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=table, name=f"{table}_contract", blocking=True, description=f"{table} matches its pandera model"
    )
    def check(frame: pd.DataFrame) -> dg.AssetCheckResult:
        try:
            model.validate(frame, lazy=True)
        except pandera.errors.SchemaErrors as errors:
            cases = errors.failure_cases
            return dg.AssetCheckResult(
                passed=False,
                severity=dg.AssetCheckSeverity.ERROR,
                metadata={
                    "failures": len(cases),
                    "failure_cases": dg.MetadataValue.md(cases.head(20).astype(str).to_markdown(index=False)),
                },
            )
        return dg.AssetCheckResult(passed=True, metadata={"rows": len(frame)})

    return check


@dg.multi_asset(
    group_name="extract",
    outs={
        "coded_mentions": dg.AssetOut(
            description="Every action coded in every article, with its parties, date, status, place and sentence.",
            kinds={"python", "parquet"},
            code_version="3",
        ),
        "coding_errors": dg.AssetOut(
            description="Articles whose coding failed, with the reason.", kinds={"python", "parquet"}, code_version="2"
        ),
    },
)
def coded_articles(deduplicated_articles: pd.DataFrame):
    """Code every article: CAMEO code, parties as of the date, date, status, place, sentence."""
    frame, errors = extract.code_articles(deduplicated_articles)
    yield dg.Output(
        frame,
        output_name="coded_mentions",
        data_version=_data_version(frame),
        metadata={
            "dagster/row_count": len(frame),
            "articles_with_mentions": int(frame["article_id"].nunique()),
            "by_code": dg.MetadataValue.json(frame["event_code"].value_counts().head(20).to_dict()),
            "preview": _preview(frame, ["article_id", "event_code", "trigger", "date_text", "status"]),
        },
    )
    yield dg.Output(
        errors,
        output_name="coding_errors",
        data_version=_data_version(errors),
        metadata={
            "dagster/row_count": len(errors),
            "errors": dg.MetadataValue.md(errors.to_markdown(index=False) if len(errors) else "_none_"),
        },
    )


@dg.multi_asset(
    group_name="merge",
    outs={
        "events": dg.AssetOut(
            description="One row per real-world happening, coded to CAMEO.",
            kinds={"python", "parquet"},
            code_version="3",
        ),
        "event_mentions": dg.AssetOut(
            description="One row per (event, sentence of an article that reports it).",
            kinds={"python", "parquet"},
            code_version="3",
        ),
        "articles": dg.AssetOut(
            description="One row per input file, with the story (main happening) it belongs to.",
            kinds={"python", "parquet"},
            code_version="2",
        ),
    },
)
def merged_events(coded_mentions: pd.DataFrame, coding_errors: pd.DataFrame, deduplicated_articles: pd.DataFrame):
    """Merge mentions across articles into events; ids carried forward from the previous release."""
    previous = release.latest_table(settings.dist_dir() / settings.DATASET_NAME, "events")
    events, mentions = merge.merge_events(coded_mentions, deduplicated_articles, previous)
    articles = merge.assign_stories(merge.reject_failed(deduplicated_articles, coding_errors), events, mentions)
    yield dg.Output(
        events,
        output_name="events",
        data_version=_data_version(events),
        metadata={
            "dagster/row_count": len(events),
            "carried_forward_ids": int(events["event_id"].isin(previous["event_id"]).sum())
            if previous is not None
            else 0,
            "multi_article_events": int((events["n_articles"] > 1).sum()),
            "by_root": dg.MetadataValue.json(events["event_root_code"].value_counts().sort_index().to_dict()),
            "planned": int((events["status"] == "planned").sum()),
            "background": int(events["is_background"].sum()),
            "preview": _preview(events, ["event_date", "event_code", "status", "summary"]),
        },
    )
    yield dg.Output(
        mentions,
        output_name="event_mentions",
        data_version=_data_version(mentions),
        metadata={"dagster/row_count": len(mentions), "preview": _preview(mentions, ["event_id", "trigger"])},
    )
    yield dg.Output(
        articles,
        output_name="articles",
        data_version=_data_version(articles),
        metadata={
            "dagster/row_count": len(articles),
            "stories": int(articles["story_id"].nunique()),
            "status": dg.MetadataValue.json(articles["status"].value_counts().to_dict()),
            "rejected_rows": _rejections(articles),
        },
    )


@dg.asset(group_name="extract", kinds={"python", "parquet"}, code_version="2")
def actors() -> dg.Output[pd.DataFrame]:
    """The actor dictionary the release is coded with (pipeline/data/actors.yaml)."""
    frame = extract.actors_table()
    return dg.Output(
        frame,
        data_version=_data_version(frame),
        metadata={
            "dagster/row_count": len(frame),
            "by_country": dg.MetadataValue.json(frame["country"].value_counts().head(15).to_dict()),
        },
    )


articles_contract = _contract_check("articles", schemas.ArticlesModel)
events_contract = _contract_check("events", schemas.EventsModel)
event_mentions_contract = _contract_check("event_mentions", schemas.EventMentionsModel)
actors_contract = _contract_check("actors", schemas.ActorsModel)
CONTRACT_CHECKS = [articles_contract, events_contract, event_mentions_contract, actors_contract]


@dg.asset(group_name="release", kinds={"parquet", "csv"}, code_version="1")
def release_files(
    context: dg.AssetExecutionContext,
    articles: pd.DataFrame,
    events: pd.DataFrame,
    event_mentions: pd.DataFrame,
    actors: pd.DataFrame,
) -> dg.MaterializeResult:
    """The versioned release in PIPELINE_DIST_DIR: Parquet + CSV per table, datapackage.json, codebook, changes."""
    dataset_dir = settings.dist_dir() / settings.DATASET_NAME
    tables = {"articles": articles, "events": events, "event_mentions": event_mentions, "actors": actors}
    try:
        result = release.publish(tables, dataset_dir, ingest.corpus_sha256(articles))
    except pandera.errors.SchemaErrors as errors:
        raise dg.Failure(
            description="a table failed its contract; nothing was released",
            metadata={
                "failure_cases": dg.MetadataValue.md(errors.failure_cases.head(20).astype(str).to_markdown(index=False))
            },
        ) from errors
    context.log.info(f"release {result.version} at {result.path} ({'new' if result.created else 'unchanged'})")
    return dg.MaterializeResult(
        metadata={
            "version": result.version,
            "path": dg.MetadataValue.path(str(result.path.resolve())),
            "new_version": result.created,
            "bump": result.bump or "none",
            "checksums": dg.MetadataValue.json(result.checksums),
        },
        data_version=dg.DataVersion(result.version),
    )
