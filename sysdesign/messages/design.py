"""Messages of the `design` area: key → template per language (see `sysdesign.messages`)."""

MESSAGES: dict[str, dict[str, str]] = {
    "design.entry.clients_call_directly": {
        "en": "clients call '{target}' ({n}) directly, with no load balancer",
        "ko": "클라이언트가 로드 밸런서 없이 '{target}'({n})에 직접 요청합니다",
    },
    "design.entry.call_edge": {
        "en": "{client} → {target} ({n})",
        "ko": "{client} → {target} ({n})",
    },
    "design.expectations.the_rubric_expects_a_kind": {
        "en": "The rubric{rubric_refs} expects a component of kind {kind}: {purpose}.",
        "ko": "이 시나리오{rubric_refs}의 루브릭은 {kind} 종류의 컴포넌트를 기대합니다: {purpose}.",
    },
    "design.expectations.tags_in_the_design": {
        "en": "tags in the design: {tags}",
        "ko": "설계에 있는 태그: {tags}",
    },
    "design.expectations.no_tags_in_the_design": {
        "en": "tags in the design: none",
        "ko": "설계에 있는 태그: 없음",
    },
    "design.money.tagged_idempotency_elsewhere": {
        "en": "components tagged 'idempotency': {elsewhere}, none upstream of or called by it",
        "ko": "'idempotency' 태그: {elsewhere}, 하지만 이 경로의 앞이나 호출 대상에는 없음",
    },
    "design.money.tagged_idempotency_none": {
        "en": "components tagged 'idempotency': none",
        "ko": "'idempotency' 태그: 없음",
    },
    "design.money.node_tags": {"en": "'{node}' tags: {tags}", "ko": "'{node}' 태그: {tags}"},
    "design.money.node_no_tags": {"en": "'{node}' tags: none", "ko": "'{node}' 태그: 없음"},
    "design.reads.peak_reads_vs_writes": {
        "en": "peak reads {reads} vs peak writes {writes}: read:write ≈ {ratio:,.0f}:1",
        "ko": "최대 읽기 {reads}, 최대 쓰기 {writes}: 읽기:쓰기 ≈ {ratio:,.0f}:1",
    },
    "design.resilience.single_point_of_failure": {
        "en": "'{node}' is a single point of failure: {n}, and every path from {who} to {listed} passes through it",
        "ko": "'{node}' 컴포넌트는 단일 장애 지점입니다: {n}이고, {who}에서 {listed}까지 가는 모든 경로가 이곳을 지납니다",
    },
    "design.resilience.not_managed": {
        "en": "'{node}': {n}, not managed",
        "ko": "'{node}': {n}, 매니지드 아님",
    },
    "design.capacity.peak_load": {
        "en": "peak load: {load} {what} ({name})",
        "ko": "최대 부하: {load} {what} ({name})",
    },
    "design.capacity.capacity": {
        "en": "capacity: {instances} {unit}(s) × {per_instance} = {capacity}",
        "ko": "용량: {unit} {instances}개 × {per_instance} = {capacity}",
    },
    "design.capacity.per_instance_figure": {
        "en": "per-instance figure: {source}",
        "ko": "인스턴스당 수치: {source}",
    },
    "design.capacity.load_placed_by": {"en": "load placed by {share}", "ko": "부하 배분: {share}"},
    "design.capacity.under_provisioned": {
        "en": "{names} is under-provisioned: peak {load} {what} against a capacity of {capacity} ({ratio:.1f}×)",
        "ko": "{names}의 용량이 부족합니다: 최대 {load} {what}, 용량 {capacity} ({ratio:.1f}배)",
    },
    "design.capacity.run_at_least": {
        "en": "Run at least {needed} {more} (plus headroom for a failure), or state a higher per-instance `capacity:` you can justify.",
        "ko": "{more|을/를} 최소 {needed}개로 늘리세요(장애 대비 여유분 추가). 또는 근거가 있는 더 높은 인스턴스당 `capacity:`를 적으세요.",
    },
    "design.capacity.one_primary": {
        "en": "database '{db}' takes {load} writes/s at peak on one primary that sustains about {capacity}",
        "ko": "'{db}' 데이터베이스가 최대 초당 {load}건의 쓰기를 받는데 프라이머리 하나는 초당 약 {capacity}건까지 감당합니다",
    },
    "design.capacity.at_peak_the_instances_saturate": {
        "en": "At peak the instances saturate: latency climbs, requests queue and time out, and the retries make it worse.",
        "ko": "최대 부하에서 인스턴스가 포화됩니다. 지연이 늘고 요청이 쌓여 타임아웃되며, 재시도가 상황을 악화시킵니다.",
    },
    "design.capacity.replicas_scale_reads_not_writes": {
        "en": "Replicas scale reads, not writes: every write still goes through one primary, which saturates at peak.",
        "ko": "복제본은 읽기만 늘려 줍니다. 모든 쓰기는 여전히 프라이머리 하나를 거치므로 최대 부하에서 포화됩니다.",
    },
    "design.capacity.shard_into_at_least_partitions": {
        "en": "Shard '{db}' into at least {needed} partitions on a key that spreads writes evenly (`shards:`, `shard_key:`), or batch writes through a queue.",
        "ko": "쓰기를 고르게 퍼뜨리는 키로 '{db}' 데이터베이스를 최소 {needed}개로 샤딩하세요 (`shards:`, `shard_key:`). 또는 큐로 쓰기를 묶어 처리하세요.",
    },
    "design.entry.clients_fetch_content_from_without": {
        "en": "clients fetch content from '{store}' without a CDN",
        "ko": "클라이언트가 CDN 없이 '{store}'에서 콘텐츠를 가져옵니다",
    },
    "design.entry.every_view_crosses_the_internet": {
        "en": "Every view crosses the internet to one region: high latency far from it, egress billed at origin prices, and the origin must absorb every popular object's traffic spike.",
        "ko": "모든 조회가 한 리전까지 인터넷을 건너옵니다. 먼 사용자는 느리고, 원본 전송 비용이 그대로 청구되며, 인기 콘텐츠의 트래픽 급증을 원본이 모두 받아야 합니다.",
    },
    "design.entry.serve_reads_through_a_cdn": {
        "en": "Serve reads through a CDN with '{store}' as its origin (users → cdn → {store}); label upload edges `upload` so they are not read as fetches.",
        "ko": "'{store}'를 원본으로 하는 CDN으로 읽기를 제공하세요 (users → cdn → {store}). 업로드 연결에는 `upload` 라벨을 붙이세요.",
    },
    "design.entry.nothing_at_the_public_entry": {
        "en": "nothing at the public entry limits request rates",
        "ko": "공개 진입점에 요청 속도를 제한하는 것이 없습니다",
    },
    "design.entry.one_buggy_client_scraper_or": {
        "en": "One buggy client, scraper or abusive user can exhaust the services and the database for everyone; a limiter also protects paid downstream APIs.",
        "ko": "버그 있는 클라이언트, 크롤러, 악의적 사용자 하나가 모두의 서비스와 DB를 고갈시킬 수 있습니다. 속도 제한은 유료 외부 API도 보호합니다.",
    },
    "design.entry.add_an_api_gateway_or": {
        "en": "Add an API gateway or a rate limiter at the entry (token bucket per user or API key), or tag the entry component `rate_limit` if it already does it.",
        "ko": "진입점에 API 게이트웨이나 레이트 리미터를 두세요(사용자·API 키별 토큰 버킷). 이미 제한한다면 진입 컴포넌트에 `rate_limit` 태그를 다세요.",
    },
    "design.entry.fetch_path_without_a_cdn": {
        "en": "fetch path without a CDN: {arrow}",
        "ko": "CDN 없는 조회 경로: {arrow}",
    },
    "design.entry.without_one_stable_address_in": {
        "en": "Without one stable address in front, clients must know every instance: traffic is not spread, a failed instance keeps receiving requests, and scaling out or deploying changes what clients must call.",
        "ko": "앞단에 고정 주소가 없으면 클라이언트가 모든 인스턴스를 알아야 합니다. 트래픽이 고르게 퍼지지 않고, 죽은 인스턴스로도 요청이 가며, 증설·배포 때마다 호출 대상이 바뀝니다.",
    },
    "design.entry.put_a_load_balancer_with": {
        "en": "Put a load balancer (with health checks) between the clients and '{target}'.",
        "ko": "클라이언트와 '{target}' 사이에 헬스 체크가 있는 로드 밸런서를 두세요.",
    },
    "design.entry.public_entry_points": {
        "en": "public entry points: {join}",
        "ko": "공개 진입점: {join}",
    },
    "design.entry.no_api_gateway_or_rate": {
        "en": "no api_gateway or rate_limiter is reachable from {join}",
        "ko": "{join}에서 닿는 api_gateway나 rate_limiter가 없습니다",
    },
    "design.entry.client_connects_straight_to_data": {
        "en": "client '{client}' connects straight to data store '{store}' ({kind})",
        "ko": "'{client}' 클라이언트가 데이터 저장소 '{store}'({kind})에 직접 연결됩니다",
    },
    "design.entry.credentials_ship_to_every_device": {
        "en": "Credentials ship to every device, any user can read or change any row, and the schema can never change without breaking deployed apps; there is no place for validation, authorisation or rate limits.",
        "ko": "접속 정보가 모든 기기에 배포되고, 누구나 아무 데이터나 읽고 바꿀 수 있으며, 배포된 앱 때문에 스키마를 바꿀 수 없습니다. 검증·인가·속도 제한을 둘 곳도 없습니다.",
    },
    "design.entry.put_a_service_behind_the": {
        "en": "Put a service (behind the load balancer) between '{client}' and '{store}'; only services talk to data stores.",
        "ko": "'{client}', '{store}' 사이에 (로드 밸런서 뒤의) 서비스를 두세요. 데이터 저장소에는 서비스만 접근해야 합니다.",
    },
    "design.entry.edge": {"en": "edge {client} → {store}", "ko": "연결 {client} → {store}"},
    "design.expectations.found_but_no_is_reachable": {
        "en": "found {arrow}, but no {nxt} is reachable from '{value}' without crossing another data store",
        "ko": "{arrow}까지는 있지만 '{value}'에서 다른 데이터 저장소를 거치지 않고 닿는 {nxt} 컴포넌트가 없습니다",
    },
    "design.expectations.no_component_matches_the_first": {
        "en": "no component matches the first step, {value}",
        "ko": "첫 단계 {value}에 해당하는 컴포넌트가 없습니다",
    },
    "design.expectations.also_accepted_in_its_place": {
        "en": "also accepted in its place: {join}",
        "ko": "대신 인정하는 종류: {join}",
    },
    "design.expectations.the_design_has_no": {
        "en": "the design has no {kind}",
        "ko": "설계에 없는 컴포넌트 종류: {kind}",
    },
    "design.expectations.add_a_component_of_kind": {
        "en": "Add a component of kind {kind} and connect it where it serves.",
        "ko": "{kind} 종류의 컴포넌트를 추가하고 필요한 곳에 연결하세요.",
    },
    "design.expectations.no_component_is_tagged": {
        "en": "no component is tagged '{tag}'",
        "ko": "'{tag}' 태그가 붙은 컴포넌트가 없습니다",
    },
    "design.expectations.the_rubric_expects_a_component": {
        "en": "The rubric{rubric_refs} expects a component that does '{tag}'; the tag says which component carries that responsibility.",
        "ko": "이 시나리오{rubric_refs}의 루브릭은 '{tag}' 역할을 하는 컴포넌트를 기대합니다. 태그로 어느 컴포넌트가 그 책임을 지는지 표시합니다.",
    },
    "design.expectations.add_tags_to_the_component": {
        "en": "Add `tags: [{tag}]` to the component that does it (or add one).",
        "ko": "그 일을 하는 컴포넌트에 `tags: [{tag}]`를 다세요 (없다면 추가하세요).",
    },
    "design.expectations.expected_flow_is_missing": {
        "en": "expected flow {id} is missing: {flow}",
        "ko": "기대하는 흐름이 없습니다: {id}: {flow}",
    },
    "design.expectations.connect_the_components_so_that": {
        "en": "Connect the components so that the flow {flow} exists.",
        "ko": "{flow} 흐름이 생기도록 컴포넌트를 연결하세요.",
    },
    "design.expectations.kinds_in_the_design": {
        "en": "kinds in the design: {present}",
        "ko": "설계에 있는 종류: {present}",
    },
    "design.messaging.reached_from_the_gateways_or": {
        "en": "reached from the gateways or clients: {join}, but none of them leads back into a gateway",
        "ko": "게이트웨이나 클라이언트에서 {join}에 닿지만 어느 것도 게이트웨이로 돌아오지 않습니다",
    },
    "design.messaging.no_queue_or_pub_sub": {
        "en": "no queue or pub/sub is reachable from the gateways or clients",
        "ko": "게이트웨이나 클라이언트에서 닿는 큐나 pub/sub이 없습니다",
    },
    "design.messaging.gateway_instances_and_no_pub": {
        "en": "{count} gateway instances and no pub/sub path back into the gateways",
        "ko": "게이트웨이 인스턴스가 {count}개인데 게이트웨이로 돌아오는 pub/sub 경로가 없습니다",
    },
    "design.messaging.each_user_holds_a_connection": {
        "en": "Each user holds a connection to one instance. A message handled on instance A for a user connected to instance B has no way to reach B: it is silently lost.",
        "ko": "각 사용자는 한 인스턴스에만 연결됩니다. 인스턴스 A가 받은 메시지를 인스턴스 B에 연결된 사용자에게 보낼 길이 없어 조용히 유실됩니다.",
    },
    "design.messaging.publish_each_outgoing_message_to": {
        "en": "Publish each outgoing message to a pub/sub (or a queue) that every gateway instance subscribes to, e.g. chat → pubsub → gateway, with a presence map of who is connected where.",
        "ko": "보낼 메시지를 모든 게이트웨이 인스턴스가 구독하는 pub/sub(또는 큐)에 발행하세요. 예: chat → pubsub → gateway, 그리고 누가 어디에 연결됐는지 아는 프레즌스 맵.",
    },
    "design.messaging.fan_out_point_delivers_to": {
        "en": "fan-out point '{node}' delivers to {join} synchronously",
        "ko": "팬아웃 지점 '{node}': {join}에 동기로 전달합니다",
    },
    "design.messaging.a_request_that_fans_out": {
        "en": "A request that fans out to thousands of recipients holds its caller until the slowest delivery finishes; one slow or failed target stalls or fails them all, and peaks cannot be absorbed.",
        "ko": "수천 명에게 퍼지는 요청이 가장 느린 전달이 끝날 때까지 호출자를 붙잡습니다. 대상 하나가 느리거나 실패하면 전체가 멈추거나 실패하고, 급증을 흡수할 곳이 없습니다.",
    },
    "design.messaging.put_a_queue_or_pub": {
        "en": "Put a queue or pub/sub after '{node}' and deliver from workers or subscribers, so the request returns once the message is durably accepted.",
        "ko": "'{node}' 뒤에 큐나 pub/sub을 두고 워커·구독자가 전달하게 하세요. 요청은 메시지가 안전하게 접수되면 바로 반환됩니다.",
    },
    "design.messaging.gateway_instances": {
        "en": "gateway instances: {gw_text}",
        "ko": "게이트웨이 인스턴스: {gw_text}",
    },
    "design.messaging.synchronous_call_cycle": {
        "en": "synchronous call cycle: {loop}",
        "ko": "동기 호출 순환: {loop}",
    },
    "design.messaging.each_call_waits_for_the": {
        "en": "Each call waits for the next; under load the cycle holds threads on every member until timeouts fire, one slow member stalls them all, and a retry can loop forever. None of them can be deployed or scaled independently.",
        "ko": "각 호출이 다음 호출을 기다립니다. 부하가 걸리면 모든 구성원의 스레드가 타임아웃까지 묶이고, 하나가 느려지면 전부 멈추며, 재시도가 무한 반복될 수 있습니다. 독립적으로 배포·확장할 수도 없습니다.",
    },
    "design.messaging.break_the_cycle_make_one": {
        "en": "Break the cycle: make one direction asynchronous (an event on a queue), or merge the services that cannot work without each other.",
        "ko": "순환을 끊으세요: 한 방향을 비동기(큐의 이벤트)로 바꾸거나, 서로 없이 동작할 수 없는 서비스를 합치세요.",
    },
    "design.messaging.synchronous_edges": {
        "en": "synchronous edges: {loop}",
        "ko": "동기 연결: {loop}",
    },
    "design.messaging.synchronous": {
        "en": "{node} → {v} (synchronous)",
        "ko": "{node} → {v} (동기)",
    },
    "design.money.is_not_reached_from_a": {
        "en": "'{node}' is not reached from a client",
        "ko": "클라이언트에서 '{node}'에 닿지 않습니다",
    },
    "design.money.path": {"en": "path: {path}", "ko": "경로: {path}"},
    "design.money.moves_money_with_no_idempotency": {
        "en": "'{node}' moves money with no idempotency key on its path",
        "ko": "'{node}'에서 돈을 옮기는데 경로에 멱등성 키가 없습니다",
    },
    "design.money.clients_gateways_and_workers_retry": {
        "en": "Clients, gateways and workers retry after a timeout without knowing whether the first attempt went through. Without a key that makes the retry a no-op, one tap can charge or transfer twice — and money that left cannot be unsent.",
        "ko": "클라이언트·게이트웨이·워커는 타임아웃이 나면 첫 시도가 처리됐는지 모른 채 재시도합니다. 재시도를 무효로 만드는 키가 없으면 한 번의 탭이 두 번 결제·이체되고, 이미 나간 돈은 되돌릴 수 없습니다.",
    },
    "design.money.have_the_client_send_an": {
        "en": "Have the client send an Idempotency-Key (a UUID per user intent); store it with the request's outcome under a unique constraint in the same transaction as the money movement, return the stored outcome on a repeat, and pass the key on to the provider. Tag what does it `idempotency`.",
        "ko": "클라이언트가 사용자 의도마다 UUID로 Idempotency-Key를 보내게 하고, 돈을 옮기는 트랜잭션 안에서 그 키와 결과를 유니크 제약으로 저장하세요. 같은 키가 다시 오면 저장된 결과를 돌려주고, 외부 결제사에도 키를 넘기세요. 그 일을 하는 컴포넌트에 `idempotency` 태그를 다세요.",
    },
    "design.money.ledger_is_not_kept_in": {
        "en": "ledger '{node}' is not kept in double entry",
        "ko": "'{node}' 원장이 복식부기로 기록되지 않습니다",
    },
    "design.money.a_balance_column_that_is": {
        "en": "A balance column that is updated in place cannot prove where money came from: a bug or a half-applied retry creates or destroys money silently, and no audit or reconciliation can find it. Double entry writes every movement as a debit and a credit that sum to zero, append-only, so the books always balance and every balance can be rebuilt from its entries.",
        "ko": "잔액 컬럼만 덮어쓰면 돈이 어디서 왔는지 증명할 수 없습니다. 버그나 반쯤 적용된 재시도가 돈을 조용히 만들거나 없애도 감사나 대사로 찾아낼 수 없습니다. 복식부기는 모든 이동을 합이 0인 차변·대변 항목으로 추가만 하므로 장부가 항상 맞고, 잔액은 항목에서 다시 계산할 수 있습니다.",
    },
    "design.money.record_each_transfer_as_one": {
        "en": "Record each transfer as one transaction of balanced entries (debit the payer, credit the payee, same amount) in an append-only entries table, written in the same ACID transaction as the balance update and the idempotency key; never update or delete an entry — correct with a reversing one. Tag it `double_entry`.",
        "ko": "이체 한 건을 합이 맞는 항목들(보내는 쪽 차변, 받는 쪽 대변, 같은 금액)의 한 트랜잭션으로 추가 전용 entries 테이블에 기록하고, 잔액 갱신·멱등성 키와 같은 ACID 트랜잭션에서 쓰세요. 항목은 수정·삭제하지 않고 반대 항목으로 정정합니다. `double_entry` 태그를 다세요.",
    },
    "design.money.fraud_scoring_is_called_synchronously": {
        "en": "fraud scoring '{node}' is called synchronously by {join} with no timeout or fallback",
        "ko": "{join}에서 사기 탐지 '{node}'에 동기로 요청하는데 타임아웃이나 대체 경로가 없습니다",
    },
    "design.money.every_payment_now_waits_for": {
        "en": "Every payment now waits for the model: when feature lookups slow down or the scorer fails, checkout and transfers stall or fail with it, and retries pile more load on the struggling scorer.",
        "ko": "모든 결제가 모델을 기다리게 됩니다. 피처 조회가 느려지거나 점수 서비스가 죽으면 결제와 이체도 같이 멈추거나 실패하고, 재시도가 이미 힘든 점수 서비스에 부하를 더 얹습니다.",
    },
    "design.money.give_the_call_a_strict": {
        "en": "Give the call a strict budget (e.g. 50–100 ms) and a decided fallback: rules-only scoring, allow below a limit and review later (fail open), or hold the transaction (fail closed) — per amount and risk. Do the heavy analysis asynchronously from a queue. Tag the scorer or its caller `timeout`/`fallback`.",
        "ko": "호출에 엄격한 시간 예산(예: 50–100ms)과 정해 둔 대체 동작을 주세요: 룰만으로 판정, 한도 이하는 통과시키고 사후 검토(fail open), 또는 보류(fail closed)를 금액과 위험도에 따라 고릅니다. 무거운 분석은 큐를 통해 비동기로 합니다. 점수 서비스나 호출자에 `timeout`/`fallback` 태그를 다세요.",
    },
    "design.money.synchronous": {"en": "{u} → {node} (synchronous)", "ko": "{u} → {node} (동기)"},
    "design.money.no_component_is_tagged_payment": {
        "en": "no component is tagged payment/transfer; the rubric expects one, so the services that write its databases are treated as the money path",
        "ko": "payment/transfer 태그가 없어, 루브릭이 그 역할을 기대하는 이 시나리오에서는 데이터베이스에 쓰는 서비스를 돈이 움직이는 경로로 봅니다",
    },
    "design.money.no_component_is_tagged_ledger": {
        "en": "no component is tagged 'ledger'; the rubric expects one, so the databases the money path writes are taken as the ledger",
        "ko": "'ledger' 태그가 없어, 루브릭이 원장을 기대하는 이 시나리오에서는 돈이 움직이는 경로가 쓰는 데이터베이스를 원장으로 봅니다",
    },
    "design.reads.read_write_1": {
        "en": "read:write ≈ {ratio:,.0f}:1",
        "ko": "읽기:쓰기 ≈ {ratio:,.0f}:1",
    },
    "design.reads.a_read_heavy_design_reads": {
        "en": "a read-heavy design (≈{ratio:,.0f} reads per write) reads the database with no cache",
        "ko": "읽기 위주 설계(쓰기 1회당 읽기 약 {ratio:,.0f}회)인데 캐시 없이 데이터베이스를 읽습니다",
    },
    "design.reads.every_read_becomes_a_database": {
        "en": "Every read becomes a database query: the database must be sized for the read peak, latency includes a disk round trip, and a hot key lands on one partition.",
        "ko": "모든 읽기가 DB 쿼리가 됩니다. DB를 읽기 최대치에 맞춰 키워야 하고, 지연 시간에 디스크 왕복이 더해지며, 인기 키 하나가 한 파티션에 몰립니다.",
    },
    "design.reads.add_a_cache_e_g": {
        "en": "Add a cache (e.g. Redis) beside the reading services, cache-aside with a TTL; label write-only edges `write` so they are not counted as reads.",
        "ko": "읽는 서비스 옆에 캐시(예: Redis)를 두고 TTL이 있는 캐시 어사이드로 읽으세요. 쓰기 전용 연결에는 `write` 라벨을 붙이세요.",
    },
    "design.reads.reads_directly": {
        "en": "{r} reads {join} directly",
        "ko": "{r}: {join}에서 직접 읽습니다",
    },
    "design.resilience.when_this_one_instance_fails": {
        "en": "When this one instance fails or is redeployed, no request reaches {listed}: the whole journey is down, not degraded.",
        "ko": "이 인스턴스 하나가 죽거나 재배포되는 동안 어떤 요청도 {listed}에 닿지 못합니다. 기능이 느려지는 것이 아니라 멈춥니다.",
    },
    "design.resilience.run_with_at_least_2": {
        "en": "Run '{node}' with at least 2 replicas (behind a load balancer if clients call it), or use a managed, highly available service (`managed: true`).",
        "ko": "'{node}' 컴포넌트를 2개 이상의 복제본으로 운영하거나(클라이언트가 호출한다면 로드 밸런서 뒤에), 고가용성 매니지드 서비스를 쓰세요 (`managed: true`).",
    },
    "design.resilience.data_store_runs_as_a": {
        "en": "data store '{node}' ({kind}) runs as a single instance",
        "ko": "'{node}' 데이터 저장소({kind})가 인스턴스 하나로만 운영됩니다",
    },
    "design.resilience.give_replicas_e_g_replicas": {
        "en": "Give '{node}' replicas (e.g. `replicas: 3` with a primary and followers, or a replication factor of 3), or use a managed service (`managed: true`).",
        "ko": "'{node}'에 복제본을 두세요 (예: `replicas: 3`, 프라이머리+팔로워 또는 복제 계수 3). 또는 매니지드 서비스를 쓰세요 (`managed: true`).",
    },
    "design.resilience.every_path_from_to_crosses": {
        "en": "every path from '{first}' to '{value}' crosses '{node}', e.g. {path}",
        "ko": "'{first}'에서 '{value}'까지 가는 모든 경로가 '{node}' 컴포넌트를 지납니다. 예: {path}",
    },
    "design.resilience.1_instance_not_managed": {
        "en": "'{node}': 1 instance, not managed",
        "ko": "'{node}': 인스턴스 1개, 매니지드 아님",
    },
    "design.stock.stock_in_is_decremented_without": {
        "en": "stock in '{node}' is decremented without an atomic or conditional update",
        "ko": "'{node}'의 재고가 원자적·조건부 갱신 없이 차감됩니다",
    },
    "design.stock.two_buyers_read_1_left": {
        "en": "Two buyers read '1 left' at the same moment and both write 0: read-then-write oversells the last units, and in a flash sale thousands race for each one. Refunding oversold orders costs money and trust.",
        "ko": "두 구매자가 동시에 '1개 남음'을 읽고 둘 다 0을 씁니다. 읽고 나서 쓰는 방식은 마지막 재고를 초과 판매하고, 타임세일에서는 수천 명이 한 개를 두고 경쟁합니다. 초과 판매를 환불하는 데는 돈과 신뢰가 듭니다.",
    },
    "design.stock.decrement_in_one_atomic_step": {
        "en": "Decrement in one atomic step that refuses to go below zero — `UPDATE stock SET qty = qty - 1 WHERE sku = ? AND qty >= 1` (check the affected rows), or a Redis Lua check-and-decrement in front of the database — or reserve units with a TTL in a reservation service and confirm on payment. Tag it `atomic_stock` or `reservation`.",
        "ko": "0 아래로 내려가지 않는 한 번의 원자적 연산으로 차감하세요. `UPDATE stock SET qty = qty - 1 WHERE sku = ? AND qty >= 1`(영향받은 행 수 확인)이나 DB 앞의 Redis Lua 확인-차감, 또는 예약 서비스가 TTL로 재고를 잡아 두고 결제 시 확정합니다. `atomic_stock`이나 `reservation` 태그를 다세요.",
    },
    "design.stock.and_its_neighbours_carry_neither": {
        "en": "'{node}' and its neighbours ({neighbours}) carry neither atomic_stock nor reservation",
        "ko": "'{node}'에도 이웃({neighbours})에도 atomic_stock이나 reservation 태그가 없습니다",
    },
    "design.topology.no_client_or_scheduler_reaches": {
        "en": "no client or scheduler reaches {names}",
        "ko": "어떤 클라이언트나 스케줄러도 {names}에 닿지 않습니다",
    },
    "design.topology.a_component_nothing_calls_or": {
        "en": "A component nothing calls or feeds does no work in this design: either a connection is missing (so the flow it serves is broken) or it is not needed.",
        "ko": "아무것도 호출하거나 데이터를 보내지 않는 컴포넌트는 이 설계에서 하는 일이 없습니다. 연결이 빠졌거나(그 흐름이 끊겼거나) 필요 없는 컴포넌트입니다.",
    },
    "design.topology.connect_it_where_it_is": {
        "en": "Connect it where it is used (e.g. `api -> {value}`), or remove it.",
        "ko": "쓰이는 곳에 연결하거나 (예: `api -> {value}`) 지우세요.",
    },
    "design.topology.reachable_from_clients_schedulers_none": {
        "en": "reachable from clients/schedulers: none of {names}",
        "ko": "클라이언트·스케줄러에서 도달 가능: {names} 중 없음",
    },
    "design.topology.it_feeds_nothing_that_they": {
        "en": "it feeds nothing that they reach",
        "ko": "도달 가능한 곳에 아무것도 보내지 않습니다",
    },
}
