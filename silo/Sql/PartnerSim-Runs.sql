-- PartnerSim's own tables, beside Orleans' (applied by Postgres/PostgresSchema.cs after the Orleans scripts).
-- A run on PostgreSQL records itself here when it starts and each quarter when it is complete, so that
-- `partnersim runs` can list runs and `partnersim resume RUN_ID` can continue one whose client died.

CREATE TABLE partnersim_runs
(
    run_id             text             NOT NULL,
    scenario           text             NOT NULL,
    seed               numeric(20, 0)   NOT NULL,
    partners           integer          NOT NULL,
    quarters           integer          NOT NULL,
    -- The scenario as the run used it (JSON of ScenarioOptions): what a resumed run reports with.
    options            jsonb            NOT NULL,
    top_bookings_share double precision NOT NULL,
    checkpoint_every   integer          NOT NULL,
    -- running (started or resumed, not finished), completed (digest set) or failed (error set).
    state              text             NOT NULL,
    -- The last quarter whose reduction is in partnersim_run_quarters; -1 before the first.
    durable_quarter    integer          NOT NULL DEFAULT -1,
    -- Who drives the run now: a token each start and resume sets anew, so a client that was replaced records nothing.
    owner              text             NOT NULL,
    digest             text             NULL,
    error              text             NULL,
    resumes            integer          NOT NULL DEFAULT 0,
    started_at         timestamptz      NOT NULL DEFAULT now(),
    updated_at         timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT pk_partnersim_runs PRIMARY KEY (run_id),
    CONSTRAINT ck_partnersim_runs_state CHECK (state IN ('running', 'completed', 'failed'))
);

-- One row per completed quarter of a run: the quarter's reduction (QuarterStats' canonical bytes).
CREATE TABLE partnersim_run_quarters
(
    run_id      text        NOT NULL,
    quarter     integer     NOT NULL,
    stats       bytea       NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_partnersim_run_quarters PRIMARY KEY (run_id, quarter),
    CONSTRAINT fk_partnersim_run_quarters_run FOREIGN KEY (run_id) REFERENCES partnersim_runs (run_id) ON DELETE CASCADE
);
