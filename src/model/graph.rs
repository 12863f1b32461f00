//! The support graph (supporter -> supported) and its cycles, computed
//! without recursion so that long chains and large cycles cannot overflow the
//! stack.

use super::{StmtId, Workspace};

/// Successor lists of the support graph, sorted and deduplicated.
pub fn support_successors(ws: &Workspace) -> Vec<Vec<StmtId>> {
    let mut succ = vec![Vec::new(); ws.statements.len()];
    for g in &ws.relations.groups {
        for &m in &g.members {
            succ[m].push(g.target);
        }
    }
    for s in &mut succ {
        s.sort_unstable();
        s.dedup();
    }
    succ
}

/// Strongly connected components with more than one node, each sorted, by
/// Tarjan's algorithm with an explicit stack.
pub fn cyclic_components(succ: &[Vec<StmtId>]) -> Vec<Vec<StmtId>> {
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
            if let Some(&w) = succ[v].get(*pos) {
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
    succ: &[Vec<StmtId>],
    component: &[StmtId],
    start: StmtId,
) -> Option<Vec<StmtId>> {
    use std::collections::{HashMap, VecDeque};
    let inside = |v: &StmtId| component.binary_search(v).is_ok();
    let mut parent: HashMap<StmtId, StmtId> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for w in succ[v].iter().filter(|w| inside(w)) {
            if *w == start {
                let mut path = vec![v];
                let mut at = v;
                while at != start {
                    at = parent[&at];
                    path.push(at);
                }
                path.reverse();
                return Some(path);
            }
            if !parent.contains_key(w) {
                parent.insert(*w, v);
                queue.push_back(*w);
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
        let succ = vec![vec![1], vec![2], vec![0, 3], vec![]];
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
        let succ: Vec<Vec<usize>> = (0..n).map(|k| vec![(k + 1) % n]).collect();
        let comps = cyclic_components(&succ);
        assert_eq!(comps.len(), 1);
        assert_eq!(comps[0].len(), n);
    }
}
