# Score a folder of CSV files of profiles with Spark (pip install 'roleadvisor[spark]').
from collections.abc import Iterator

import pandas as pd
from pyspark.sql import SparkSession

from roleadvisor import load_catalog, score_profiles

catalog = load_catalog()  # loaded once here and sent to the workers with score()
schema = "id string, top_role string, top_match double, top_fit double, top_band string, " + ", ".join(
    f"`{role}` double" for role in catalog.role_ids
) + ", error string"


def score(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for batch in batches:
        yield score_profiles(batch, catalog).to_pandas()


spark = SparkSession.builder.getOrCreate()
# The columns roleadvisor batch reads: id, then one per skill; every column is read as text, ids included
people = spark.read.csv("people", header=True)
scored = people.mapInPandas(score, schema=schema)
scored.write.parquet("scored")  # id, top_role, top_match, top_fit, top_band, each role's fit, error
