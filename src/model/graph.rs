//! The support graph (supporter -> supported) and its cycles, computed
//! without recursion so that long chains and large cycles cannot overflow the
//! stack.

use super::{StmtId, Workspace};

/// A list of neighbours for every node, in two flat arrays rather than one
/// vector per node: a workspace has hundreds of thousands of statements,
/// most with no neighbour at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Adjacency {
    /// The list of node `k` is `targets[starts[k]..starts[k + 1]]`. The
    /// offsets are 32-bit: there is one per node, and every analysis builds
    /// several of these. The pairs always come from lists already held in
    /// memory, so 2^32 of them would need tens of gigabytes before any
    /// offset could overflow.
    starts: Vec<u32>,
    /// Indexes in 32 bits, as in the model's relations (statements, groups
    /// or conflicts, by list): there are several entries per statement, and
    /// every analysis builds these. [`Adjacency::of`] gives them as indexes.
    targets: Vec<u32>,
}

impl Adjacency {
    /// The lists of `nodes` nodes from `(node, neighbour)` pairs; each list
    /// keeps the order of its pairs. The pairs are walked twice.
    pub fn from_pairs<I>(nodes: usize, pairs: I) -> Adjacency
    where
        I: IntoIterator<Item = (usize, StmtId)>,
        I::IntoIter: Clone,
    {
        let pairs = pairs.into_iter();
        let mut starts = vec![0u32; nodes + 1];
        let add = |a: u32, b: u32| a.checked_add(b).expect("fewer than 2^32 pairs");
        for (node, _) in pairs.clone() {
            starts[node + 1] = add(starts[node + 1], 1);
        }
        for k in 0..nodes {
            starts[k + 1] = add(starts[k + 1], starts[k]);
        }
        let mut next = starts.clone();
        let mut targets = vec![0; starts[nodes] as usize];
        for (node, target) in pairs {
            // Statement, group or conflict indexes: each kind is held in
            // memory, so there are far fewer than 2^32 of them.
            targets[next[node] as usize] =
                u32::try_from(target).expect("fewer than 2^32 statements, groups or conflicts");
            next[node] += 1;
        }
        Adjacency { starts, targets }
    }

    /// Every list sorted, without repeats.
    pub fn sorted_and_deduplicated(mut self) -> Adjacency {
        let mut write = 0;
        for k in 0..self.len() {
            let (from, to) = (self.starts[k] as usize, self.starts[k + 1] as usize);
            self.targets[from..to].sort_unstable();
            self.starts[k] = write as u32;
            let mut last = None;
            for read in from..to {
                let t = self.targets[read];
                if last != Some(t) {
                    self.targets[write] = t;
                    write += 1;
                    last = Some(t);
                }
            }
        }
        let nodes = self.len();
        self.starts[nodes] = write as u32;
        self.targets.truncate(write);
        self.targets.shrink_to_fit();
        self
    }

    /// Every list without repeats, each kept in the order its entries were
    /// first given.
    pub fn deduplicated_in_order(mut self) -> Adjacency {
        let mut write = 0;
        for k in 0..self.len() {
            let (from, to) = (self.starts[k] as usize, self.starts[k + 1] as usize);
            self.starts[k] = write as u32;
            let list_start = write;
            for read in from..to {
                let t = self.targets[read];
                // Lists are short (a statement's sources): a scan will do.
                if !self.targets[list_start..write].contains(&t) {
                    self.targets[write] = t;
                    write += 1;
                }
            }
        }
        let nodes = self.len();
        self.starts[nodes] = write as u32;
        self.targets.truncate(write);
        self.targets.shrink_to_fit();
        self
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The list of `node`, as indexes (of statements, groups or conflicts),
    /// in the order of their pairs.
    pub fn of(
        &self,
        node: usize,
    ) -> impl ExactSizeIterator<Item = StmtId> + DoubleEndedIterator + Clone + '_ {
        self[node].iter().map(|&t| t as StmtId)
    }

    /// The list of each node, in node order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u32]> + Clone + '_ {
        (0..self.len()).map(|k| &self[k])
    }
}

impl std::ops::Index<usize> for Adjacency {
    type Output = [u32];

    fn index(&self, node: usize) -> &[u32] {
        &self.targets[self.starts[node] as usize..self.starts[node + 1] as usize]
    }
}

/// Successor lists of the support graph, sorted and deduplicated.
pub fn support_successors(ws: &Workspace) -> Adjacency {
    Adjacency::from_pairs(
        ws.statements.len(),
        ws.relations
            .groups
            .iter()
            .flat_map(|g| g.members.iter().map(move |&m| (m, g.target))),
    )
    .sorted_and_deduplicated()
}

/// Strongly connected components with more than one node, each sorted, by
/// Tarjan's algorithm with an explicit stack.
pub fn cyclic_components(succ: &Adjacency) -> Vec<Vec<StmtId>> {
    const UNSEEN: usize = usize::MAX;
    let n = succ.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next_index = 0;
    let mut components = Vec::new();
    // (node, position in its successor list)
    let mut call: Vec<(StmtId, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        call.push((root, 0));
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut pos)) = call.last_mut() {
            if let Some(w) = succ[v].get(*pos).map(|&w| w as StmtId) {
                *pos += 1;
                if index[w] == UNSEEN {
                    index[w] = next_index;
                    low[w] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    call.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                // Most components are one statement, and need no list.
                if stack.last() == Some(&v) {
                    stack.pop();
                    on_stack[v] = false;
                    continue;
                }
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort_unstable();
                    components.push(component);
                }
            }
        }
    }
    components.sort();
    components
}

/// A shortest cycle through `start` inside `component`, by breadth-first
/// search; returned starting at `start`.
pub fn shortest_cycle_through(
    succ: &Adjacency,
    component: &[StmtId],
    start: StmtId,
) -> Option<Vec<StmtId>> {
    use std::collections::{HashMap, VecDeque};
    let inside = |v: &StmtId| component.binary_search(v).is_ok();
    let mut parent: HashMap<StmtId, StmtId> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for w in succ.of(v).filter(|w| inside(w)) {
            if w == start {
                let mut path = vec![v];
                let mut at = v;
                while at != start {
                    at = parent[&at];
                    path.push(at);
                }
                path.reverse();
                return Some(path);
            }
            if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(w) {
                e.insert(v);
                queue.push_back(w);
            }
        }
    }
    None
}

/// The cycles to report: for each cyclic component, a shortest cycle through
/// each of its nodes, deduplicated by rotation. Large components report only
/// the cycle through their first node, to stay linear.
pub fn support_cycles(ws: &Workspace) -> Vec<Vec<StmtId>> {
    const SMALL_COMPONENT: usize = 64;
    let succ = support_successors(ws);
    let mut cycles: Vec<Vec<StmtId>> = Vec::new();
    for component in cyclic_components(&succ) {
        let starts: &[StmtId] = if component.len() <= SMALL_COMPONENT {
            &component
        } else {
            &component[..1]
        };
        for &start in starts {
            let Some(cycle) = shortest_cycle_through(&succ, &component, start) else {
                continue;
            };
            let canonical = rotate_to_min(cycle);
            if !cycles.contains(&canonical) {
                cycles.push(canonical);
            }
        }
    }
    cycles.sort();
    cycles
}

fn rotate_to_min(mut cycle: Vec<StmtId>) -> Vec<StmtId> {
    if let Some(pos) = cycle
        .iter()
        .enumerate()
        .min_by_key(|(_, v)| **v)
        .map(|(k, _)| k)
    {
        cycle.rotate_left(pos);
    }
    cycle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_and_cycles() {
        // 0 -> 1 -> 2 -> 0, 2 -> 3, 3 -> 3 is not listed (self loops are not
        // components of more than one node).
        let succ = Adjacency::from_pairs(4, [(0, 1), (1, 2), (2, 0), (2, 3)]);
        let comps = cyclic_components(&succ);
        assert_eq!(comps, vec![vec![0, 1, 2]]);
        assert_eq!(
            shortest_cycle_through(&succ, &comps[0], 1),
            Some(vec![1, 2, 0])
        );
    }

    #[test]
    fn long_cycles_need_no_recursion() {
        let n = 200_000;
        let succ = Adjacency::from_pairs(n, (0..n).map(|k| (k, (k + 1) % n)));
        let comps = cyclic_components(&succ);
        assert_eq!(comps.len(), 1);
        assert_eq!(comps[0].len(), n);
    }

    #[test]
    fn adjacency_keeps_the_order_of_its_pairs() {
        let lists = Adjacency::from_pairs(4, [(2, 7), (0, 5), (2, 3), (2, 7)]);
        assert_eq!(lists.len(), 4);
        let collected: Vec<&[u32]> = lists.iter().collect();
        assert_eq!(collected, vec![&[5][..], &[], &[7, 3, 7], &[]]);
        assert_eq!(lists.of(2).collect::<Vec<StmtId>>(), [7, 3, 7]);
        let sorted = lists.sorted_and_deduplicated();
        assert_eq!(&sorted[2], &[3, 7]);
        assert_eq!(&sorted[0], &[5]);
        assert!(sorted[3].is_empty());
    }

    #[test]
    fn deduplicating_in_order_keeps_each_first_entry_where_it_was() {
        let pairs = [
            (2, 7),
            (0, 5),
            (2, 3),
            (2, 7),
            (0, 5),
            (3, 1),
            (2, 9),
            (2, 3),
        ];
        let lists = Adjacency::from_pairs(5, pairs).deduplicated_in_order();
        let collected: Vec<&[u32]> = lists.iter().collect();
        assert_eq!(collected, vec![&[5][..], &[], &[7, 3, 9], &[1], &[]]);
    }
}
