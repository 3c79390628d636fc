"""Extraction on a Dask cluster (`dateline ingest --cluster ADDRESS`, the optional extra `dateline[cluster]`).

Extraction is a pure function of one article, so it can run anywhere: the articles' texts (never their paths:
the workers need not see the files) go to the workers in chunks, each worker process loads the spaCy model once
(store.extract.nlp.load is cached per process) and sends back whole extractions. Results are taken as they
complete, but handed on in reading order, so that the one SQLite writer (store.ingest) stores exactly what a
local run stores, in the same batches of the same transactions. A bounded number of chunks is out at a time:
memory follows the window, not the collection.

ADDRESS is a scheduler's address (tcp://HOST:8786, as `dask scheduler` prints it) or `local:N`, a LocalCluster of
N worker processes on this machine, started for the run and closed after it.

A worker that dies (killed, out of memory) loses its tasks; the scheduler gives them to another worker and the
result still arrives once. A chunk whose workers keep dying (distributed.scheduler.allowed-failures, 3 by
default) is tried again article by article, and an article that kills its worker alone is skipped with the reason,
as an article whose extraction raises is. A scheduler that goes away ends the run with ClusterError: the batches
stored before are kept, and a rerun completes the store.

Dask is imported only in this package, and only when --cluster is given: address.py (the address, the extra
installed, the error), session.py (the client side: sending, ordering, failures), worker.py (what a worker runs),
local.py (a LocalCluster for local:N)."""
from store.cluster.address import INSTALL_HINT, ClusterError, available, parse_address
from store.cluster.session import extract_on_cluster

__all__ = ["INSTALL_HINT", "ClusterError", "available", "extract_on_cluster", "parse_address"]
