# Score a folder of CSV files of profiles with Ray Data (pip install 'roleadvisor[ray]').
import pandas as pd
import pyarrow as pa
import ray
from pyarrow import csv

from roleadvisor import load_catalog, score_profiles

catalog = load_catalog()  # loaded once here and sent to the workers with score()


def score(batch: pd.DataFrame) -> pd.DataFrame:
    return score_profiles(batch, catalog).to_pandas()


# The columns roleadvisor batch reads: id, then one per skill; ids are read as text, as batch reads them
people = ray.data.read_csv("people", convert_options=csv.ConvertOptions(column_types={"id": pa.string()}))
scored = people.map_batches(score, batch_format="pandas")
scored.write_parquet("scored")  # id, top_role, top_match, top_fit, top_band, then each role's fit
